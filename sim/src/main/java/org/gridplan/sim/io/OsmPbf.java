package org.gridplan.sim.io;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes and highway ways of an OpenStreetMap {@code .osm.pbf} extract (the binary format
 * Geofabrik and BBBike serve), read with the reference parser (osmpbf); the same content the
 * importer takes from {@code .osm} XML: node positions, and for each way its node ids and its
 * {@code highway}, {@code oneway} and {@code junction} tags.
 */
final class OsmPbf {

    /** A way: its node ids in order and the tags the importer reads (null when absent). */
    record Way(List<String> refs, String highway, String oneway, String junction) {
    }

    /** What was read: longitude and latitude of every node, and every way with a highway tag. */
    record Data(Map<String, double[]> lonLat, List<Way> ways) {
    }

    private OsmPbf() {
    }

    static Data read(Path file) {
        Map<String, double[]> nodes = new HashMap<>();
        List<Way> ways = new ArrayList<>();
        BinaryParser parser = new BinaryParser() {
            @Override
            protected void parseRelations(List<Osmformat.Relation> relations) {
            }

            @Override
            protected void parseDense(Osmformat.DenseNodes dense) {
                long id = 0;
                long lat = 0;
                long lon = 0;
                for (int i = 0; i < dense.getIdCount(); i++) {
                    id += dense.getId(i);
                    lat += dense.getLat(i);
                    lon += dense.getLon(i);
                    nodes.put(Long.toString(id), new double[] {parseLon(lon), parseLat(lat)});
                }
            }

            @Override
            protected void parseNodes(List<Osmformat.Node> list) {
                for (Osmformat.Node n : list) {
                    nodes.put(Long.toString(n.getId()), new double[] {parseLon(n.getLon()), parseLat(n.getLat())});
                }
            }

            @Override
            protected void parseWays(List<Osmformat.Way> list) {
                for (Osmformat.Way w : list) {
                    String highway = null;
                    String oneway = null;
                    String junction = null;
                    for (int k = 0; k < w.getKeysCount(); k++) {
                        String key = getStringById(w.getKeys(k));
                        String value = getStringById(w.getVals(k));
                        switch (key) {
                            case "highway" -> highway = value;
                            case "oneway" -> oneway = value;
                            case "junction" -> junction = value;
                            default -> { }
                        }
                    }
                    if (highway == null) {
                        continue;
                    }
                    List<String> refs = new ArrayList<>(w.getRefsCount());
                    long ref = 0;
                    for (int j = 0; j < w.getRefsCount(); j++) {
                        ref += w.getRefs(j);
                        refs.add(Long.toString(ref));
                    }
                    ways.add(new Way(refs, highway, oneway, junction));
                }
            }

            @Override
            protected void parse(Osmformat.HeaderBlock header) {
                for (String feature : header.getRequiredFeaturesList()) {
                    if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                        throw new InputException(file, "the extract needs a reader feature this one lacks: "
                                + feature);
                    }
                }
            }

            @Override
            public void complete() {
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new BlockInputStream(in, parser).process();
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "not a readable OpenStreetMap PBF extract: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ')));
        }
        if (nodes.isEmpty() && ways.isEmpty()) {
            throw new InputException(file, "no OpenStreetMap nodes or ways (an empty or truncated extract?)");
        }
        return new Data(nodes, ways);
    }
}
