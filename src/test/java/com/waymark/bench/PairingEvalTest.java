package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.pairing.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingEvalTest {

    private static List<String> run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new PairingEval().run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void endsWithTheFigureLine() {
        List<String> lines = run("--people", "20", "--orgs", "4", "--roles", "5", "--rounds", "12", "--seed", "3");
        assertThat(lines).hasSize(1 + 12 + 2);
        assertThat(lines.get(lines.size() - 1)).matches(
                "pairing-eval: people=20 rounds=12 repeats=0 minimum=0 mode-match=\\d+\\.\\d ms-per-round=\\d+\\.\\d\\d");
    }

    @Test
    void oddCohortsAndFixedModesRunToo() {
        List<String> lines = run("--people=9", "--orgs=2", "--roles=3", "--rounds=4", "--mode=cross-organisation");
        assertThat(lines.get(1)).contains("cross-organisation").contains("trios=1").contains("unmatched=0");
        assertThat(lines.get(lines.size() - 1)).startsWith("pairing-eval: people=9 rounds=4 repeats=0 minimum=0 ");
    }

    @Test
    void theSyntheticCohortSpreadsOrganisationsAndRolesEvenly() {
        List<Candidate> cohort = PairingEval.cohort(20, 4, 5, 1);
        Map<String, Long> perOrganisation = cohort.stream()
                .collect(Collectors.groupingBy(Candidate::organisation, Collectors.counting()));
        Map<String, Long> perRole = cohort.stream().collect(Collectors.groupingBy(Candidate::role, Collectors.counting()));
        assertThat(perOrganisation).hasSize(4).allSatisfy((org, count) -> assertThat(count).isEqualTo(5));
        assertThat(perRole).hasSize(5).allSatisfy((role, count) -> assertThat(count).isEqualTo(4));
        assertThat(perRole.keySet()).allMatch(PairingEval.ROLES::contains);
        assertThat(PairingEval.cohort(20, 4, 5, 1)).isEqualTo(cohort);
        assertThat(cohort).extracting(Candidate::id).doesNotHaveDuplicates();
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> run("--people", "twenty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--people").hasMessageContaining("twenty");
        assertThatThrownBy(() -> run("--peple", "20")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --peple");
        assertThatThrownBy(() -> run("--rounds")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> run("--roles", "13")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--roles must be between 1 and");
        assertThatThrownBy(() -> run("--rounds", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run("--mode", "random")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random");
        assertThatThrownBy(() -> run("20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run("--seed", "1", "--seed", "2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void isRegisteredAndBadOptionsExitWithCodeTwo() {
        assertThat(Subcommands.find("pairing-eval")).isPresent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Subcommands.run(new String[] {"pairing-eval", "--orgs", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                com.waymark.WaymarkApplication.class);
        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("pairing-eval: --orgs must be between 1 and");
    }
}
