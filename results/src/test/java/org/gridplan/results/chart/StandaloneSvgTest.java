package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StandaloneSvgTest {

    @Test
    void a_chart_written_as_a_file_is_well_formed_svg_with_one_namespace() throws Exception {
        XYSeries s = new XYSeries("a");
        s.add(1, 2);
        s.add(2, 3);
        JFreeChart chart = ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(s));
        String doc = ChartRendering.standalone(ChartRendering.svg(chart, 200, 100, "t-"));
        assertThat(doc).startsWith("<?xml");
        assertThat(doc.substring(0, doc.indexOf('>', doc.indexOf("<svg")))).containsOnlyOnce("xmlns=");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        // An element without the namespace gets it.
        assertThat(ChartRendering.standalone("<svg width=\"1\"></svg>"))
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width");
    }
}
