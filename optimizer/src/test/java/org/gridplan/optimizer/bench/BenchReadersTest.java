package org.gridplan.optimizer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.TravelWeighting;
import org.gridplan.sim.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReadersTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void pmed_takes_the_last_line_for_a_duplicated_pair_and_shortest_paths() throws IOException {
        // edge 1-2 first 5, then 9 (last wins); path 1-3-2 costs 4 + 4 = 8 < 9
        SitingProblem p = PmedReader.read(write("tiny.txt", " 3 4 1 \n 1 2 5\n 2 3 4\n 1 3 4\n 2 1 9\n")).problem();
        assertThat(p.distance(0, 1)).isEqualTo(8);
        assertThat(p.distance(0, 2)).isEqualTo(4);
        assertThat(p.maxBranches()).isEqualTo(1);
        assertThat(p.weighting()).isEqualTo(TravelWeighting.UNIT);
        SitingProblem q = PmedReader.read(write("tiny2.txt", "3 3 1\n1 2 5\n2 3 4\n1 2 2\n")).problem();
        assertThat(q.distance(0, 1)).isEqualTo(2);
    }

    @Test
    void pmed_names_file_and_line_of_a_malformed_edge() throws IOException {
        Path f = write("bad.txt", "3 2 1\n1 2 5\n2 x 4\n");
        assertThatThrownBy(() -> PmedReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("bad.txt: line 3: vertex j 'x' is not an integer");
    }

    @Test
    void pmed_reports_missing_edges_and_disconnected_graphs() throws IOException {
        assertThatThrownBy(() -> PmedReader.read(write("short.txt", "3 3 1\n1 2 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("short.txt: expected 3 edge lines after line 1, found 1");
        assertThatThrownBy(() -> PmedReader.read(write("split.txt", "3 1 1\n1 2 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("split.txt: the graph is disconnected");
        assertThatThrownBy(() -> PmedReader.read(write("range.txt", "3 1 1\n1 7 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("range.txt: line 2: vertex 7 is outside 1..3");
    }

    @Test
    void cpmp_reads_crlf_and_truncates_euclidean_distances() throws IOException {
        Path f = write("cap.txt", " 1 3\r\n 3 2 10\r\n 1 0 0 4\r\n 2 1 1 5\r\n 3 3 4 6\r\n");
        BenchInstance in = CpmpReader.read(f);
        SitingProblem p = in.problem();
        assertThat(in.name()).isEqualTo("cap");
        assertThat(in.optimum()).hasValue(3);
        assertThat(p.distance(0, 1)).isEqualTo(1); // sqrt 2 = 1.41 -> 1
        assertThat(p.distance(0, 2)).isEqualTo(5);
        assertThat(p.distance(1, 2)).isEqualTo(3); // sqrt 13 = 3.61 -> 3
        assertThat(p.branchCapacity()).hasValue(10);
        assertThat(p.demandPoints().get(2).households()).isEqualTo(6);
        assertThat(p.weighting()).isEqualTo(TravelWeighting.UNIT);
    }

    @Test
    void cpmp_names_file_and_line_of_bad_input() throws IOException {
        assertThatThrownBy(() -> CpmpReader.read(write("c1.txt", "1 3\n2 1 10\n1 0 0 4\n2 1 1\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("c1.txt: line 4: expected a point 'id x y d' (4 numbers), found 3: '2 1 1'");
        assertThatThrownBy(() -> CpmpReader.read(write("c2.txt", "1 3\n2 1 5\n1 0 0 4\n2 1 1 4\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("c2.txt: c2: capacity 1 x 5 = 5 households cannot hold 8 households (short by 3)");
    }

    @Test
    void lorena_senne_reads_real_euclidean_distances_capacity_and_demand() throws IOException {
        // SJC style: 'n p', then 'x y Q q' with CRLF and column padding
        Path f = write("ls.dat", "3 2\r\n  0  0  10  4\r\n  3  4  10  5\r\n  1  1  10  6\r\n");
        BenchInstance in = LorenaSenneReader.read(f);
        SitingProblem p = in.problem();
        assertThat(in.name()).isEqualTo("ls");
        assertThat(in.optimum()).isEmpty();
        assertThat(in.decimals()).isEqualTo(2);
        assertThat(p.distance(0, 1)).isEqualTo(5.0);
        assertThat(p.distance(0, 2)).isEqualTo(Math.sqrt(2)); // not rounded down
        assertThat(p.distance(1, 2)).isEqualTo(Math.sqrt(13));
        assertThat(p.maxBranches()).isEqualTo(2);
        assertThat(p.branchCapacity()).hasValue(10);
        assertThat(p.demandPoints().get(2).households()).isEqualTo(6);
        assertThat(p.weighting()).isEqualTo(TravelWeighting.UNIT);
        assertThat(CpmpFormat.detect(f)).isEqualTo(CpmpFormat.LORENA_SENNE);
    }

    @Test
    void lorena_senne_knows_the_sjc_optima_and_reads_the_shipped_files() {
        BenchInstance sjc1 = CpmpFormat.readDetected(Path.of("..", "bench", "sjc", "SJC1.dat"));
        assertThat(sjc1.name()).isEqualTo("SJC1");
        assertThat(sjc1.optimum()).hasValue(17288.99);
        assertThat(sjc1.problem().demandCount()).isEqualTo(100);
        assertThat(sjc1.problem().maxBranches()).isEqualTo(10);
        assertThat(sjc1.problem().branchCapacity()).hasValue(720);
        assertThat(sjc1.problem().totalHouseholds()).isEqualTo(5807);
        BenchInstance sjc2 = LorenaSenneReader.read(Path.of("..", "bench", "sjc", "SJC2.dat"));
        assertThat(sjc2.optimum()).hasValue(33270.94);
        assertThat(sjc2.problem().totalHouseholds()).isEqualTo(9269);
        assertThat(sjc2.problem().branchCapacity()).hasValue(840);
    }

    @Test
    void lorena_senne_names_file_and_line_of_bad_input() throws IOException {
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l1.dat", "2 1\n0 0 10 4\n3 4 10\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l1.dat: line 3: expected a point 'x y Q q' (4 numbers), found 3: '3 4 10'");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l2.dat", "2 1\n0 0 10 4\n3 y 10 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l2.dat: line 3: y 'y' is not a number");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l3.dat", "2 1\n\n0 0 10 4\n3 4 12 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l3.dat: line 4: capacity 12 differs from 10 on line 3; the siting model has one capacity"
                        + " for every branch");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l4.dat", "3 1\n0 0 10 4\n3 4 10 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l4.dat: expected 3 point lines 'x y Q q' after line 1, found 2");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l5.dat", "2 1 7\n0 0 10 4\n3 4 10 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l5.dat: line 1: expected 'n p' (2 numbers), found 3: '2 1 7'");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l6.dat", "2 1\n0 0 10 4\n3 4 10 -5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l6.dat: line 3: demand -5 must be 0 or more");
        assertThatThrownBy(() -> LorenaSenneReader.read(write("l7.dat", "2 1\n0 0 8 5\n3 4 8 5\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("l7.dat: l7: capacity 1 x 8 = 8 households cannot hold 10 households (short by 2)");
    }

    @Test
    void format_detection_goes_by_the_second_line_and_names_it_when_neither_fits() throws IOException {
        assertThat(CpmpFormat.detect(write("oc.txt", "1 3\n3 2 10\n1 0 0 4\n2 1 1 5\n3 3 4 6\n")))
                .isEqualTo(CpmpFormat.OSMAN_CHRISTOFIDES);
        assertThatThrownBy(() -> CpmpFormat.detect(write("odd.txt", "2 1\n\n0 0 10 4 9\n3 4 10 5 9\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("odd.txt: line 3: cannot tell the format from 5 numbers: expected 3 ('n p Q',"
                        + " Osman-Christofides) or 4 ('x y Q q', Lorena-Senne); give --format");
        assertThatThrownBy(() -> CpmpFormat.detect(write("one.txt", "2 1\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("one.txt: cannot tell the format: expected at least 2 non-blank lines, found 1");
        assertThat(CpmpFormat.ofLabel("lorena-senne")).isEqualTo(CpmpFormat.LORENA_SENNE);
        assertThatThrownBy(() -> CpmpFormat.ofLabel("sjc")).isInstanceOf(IllegalArgumentException.class);
    }
}
