package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.road.Road;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenStreetMap {@code .osm.pbf} extract gives the same city as the same data in {@code .osm} XML:
 * dense nodes, ways joined by node id, highway classes and one-way tags.
 */
class OsmPbfTest {

    @TempDir
    Path dir;

    /** Four corners of a block about 100 m on a side, and its four sides as ways, as the XML test has them. */
    private static final double[][] NODES = {{121.4700, 31.2300}, {121.4710, 31.2300}, {121.4710, 31.2310},
        {121.4700, 31.2310}};
    private static final long[][] WAYS = {{1, 2}, {3, 2}, {3, 4}, {4, 1}};
    private static final String[] ONEWAY = {"yes", "-1", "no", null};

    private Path pbf() throws Exception {
        List<String> strings = new ArrayList<>(List.of("", "highway", "residential", "oneway", "yes", "-1", "no"));
        Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
        for (String s : strings) {
            table.addS(ByteString.copyFromUtf8(s));
        }
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (int i = 0; i < NODES.length; i++) {
            // Granularity 100 nanodegrees, delta-coded.
            long la = Math.round(NODES[i][1] * 1e7);
            long lo = Math.round(NODES[i][0] * 1e7);
            dense.addId(i + 1 - id).addLat(la - lat).addLon(lo - lon);
            id = i + 1;
            lat = la;
            lon = lo;
        }
        Osmformat.PrimitiveGroup.Builder nodes = Osmformat.PrimitiveGroup.newBuilder().setDense(dense);
        Osmformat.PrimitiveGroup.Builder ways = Osmformat.PrimitiveGroup.newBuilder();
        for (int w = 0; w < WAYS.length; w++) {
            Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(w + 1).addKeys(1).addVals(2);
            if (ONEWAY[w] != null) {
                way.addKeys(3).addVals(strings.indexOf(ONEWAY[w]));
            }
            long prev = 0;
            for (long ref : WAYS[w]) {
                way.addRefs(ref - prev);
                prev = ref;
            }
            ways.addWays(way);
        }
        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(table)
                .addPrimitivegroup(nodes).addPrimitivegroup(ways).build();
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                .addRequiredFeatures("DenseNodes").build();
        Path file = dir.resolve("roads.osm.pbf");
        try (OutputStream out = Files.newOutputStream(file)) {
            BlockOutputStream blocks = new BlockOutputStream(out);
            blocks.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
            blocks.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
            blocks.flush();
        }
        return file;
    }

    private Path xml() throws Exception {
        StringBuilder x = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n");
        for (int i = 0; i < NODES.length; i++) {
            x.append("<node id=\"").append(i + 1).append("\" lat=\"").append(NODES[i][1]).append("\" lon=\"")
                    .append(NODES[i][0]).append("\"/>\n");
        }
        for (int w = 0; w < WAYS.length; w++) {
            x.append("<way id=\"").append(w + 1).append("\">");
            for (long ref : WAYS[w]) {
                x.append("<nd ref=\"").append(ref).append("\"/>");
            }
            x.append("<tag k=\"highway\" v=\"residential\"/>");
            if (ONEWAY[w] != null) {
                x.append("<tag k=\"oneway\" v=\"").append(ONEWAY[w]).append("\"/>");
            }
            x.append("</way>\n");
        }
        Path file = dir.resolve("roads.osm");
        Files.writeString(file, x.append("</osm>\n"));
        return file;
    }

    @Test
    void a_pbf_extract_gives_the_city_its_xml_gives() throws Exception {
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "id,lon,lat,households,community\nP,121.4699,31.2305,50,C1\n");

        CityImport.Result fromPbf = CityImport.read("pbf", b, pbf(), (CityImport.Crs) null);
        CityImport.Result fromXml = CityImport.read("xml", b, xml(), (CityImport.Crs) null);

        assertThat(fromPbf.roadReport().oneWay()).isEqualTo(2);
        assertThat(fromPbf.roadNodes()).isEqualTo(fromXml.roadNodes());
        List<Road> p = fromPbf.city().roads().roads();
        List<Road> x = fromXml.city().roads().roads();
        assertThat(p).hasSameSizeAs(x);
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.get(i).oneWay()).isEqualTo(x.get(i).oneWay());
            assertThat(p.get(i).metres()).isCloseTo(x.get(i).metres(), within(0.01));
        }
    }

    @Test
    void a_file_that_is_not_a_pbf_extract_is_named() throws Exception {
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "id,lon,lat,households,community\nP,121.4699,31.2305,50,C1\n");
        Path bad = dir.resolve("bad.osm.pbf");
        Files.writeString(bad, "<osm>not binary</osm>");

        assertThatThrownBy(() -> CityImport.read("bad", b, bad, (CityImport.Crs) null))
                .isInstanceOf(InputException.class).hasMessageContaining("bad.osm.pbf")
                .hasMessageContaining("not a readable OpenStreetMap PBF extract");
    }
}
