package io.roundtable.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class GameRandomTest {
    private static final List<Integer> TWELVE = IntStream.rangeClosed(1, 12).boxed().toList();

    @Test
    void the_same_seed_gives_the_same_sequence() {
        GameRandom a = GameRandom.seeded(42);
        GameRandom b = GameRandom.seeded(42);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextInt(1000)).isEqualTo(b.nextInt(1000));
        }
        assertThat(GameRandom.seeded(1).shuffle(TWELVE)).isEqualTo(GameRandom.seeded(1).shuffle(TWELVE));
    }

    @Test
    void each_step_of_a_match_gets_its_own_stable_source() {
        assertThat(GameRandom.forStep(7, 3).nextInt(1 << 30)).isEqualTo(GameRandom.forStep(7, 3).nextInt(1 << 30));
        Set<Integer> firsts = new HashSet<>();
        for (int step = 0; step < 50; step++) {
            firsts.add(GameRandom.forStep(7, step).nextInt(1 << 30));
        }
        assertThat(firsts).as("different steps, different draws").hasSizeGreaterThan(45);
        assertThat(GameRandom.forStep(8, 3).nextInt(1 << 30)).isNotEqualTo(GameRandom.forStep(7, 3).nextInt(1 << 30));
    }

    @Test
    void a_shuffle_is_a_permutation_that_leaves_its_input_alone() {
        List<Integer> input = List.copyOf(TWELVE);
        List<Integer> shuffled = GameRandom.seeded(5).shuffle(input);
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(TWELVE).isNotEqualTo(TWELVE);
        assertThat(input).isEqualTo(TWELVE);
    }

    @Test
    void shuffles_are_roughly_uniform() {
        int[] firstIs1 = new int[1];
        GameRandom random = GameRandom.seeded(9);
        for (int i = 0; i < 12_000; i++) {
            if (random.shuffle(TWELVE).get(0) == 1) {
                firstIs1[0]++;
            }
        }
        assertThat(firstIs1[0]).isBetween(800, 1200);
    }

    @Test
    void sample_takes_distinct_items_and_pick_one_of_them() {
        List<Integer> sample = GameRandom.seeded(3).sample(TWELVE, 5);
        assertThat(sample).hasSize(5).doesNotHaveDuplicates().allMatch(TWELVE::contains);
        assertThat(GameRandom.seeded(3).pick(List.of("only"))).isEqualTo("only");
        assertThatThrownBy(() -> GameRandom.seeded(3).pick(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleans_and_bounded_ints_stay_in_range() {
        GameRandom random = GameRandom.seeded(11);
        Set<Boolean> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(random.nextBoolean());
            assertThat(random.nextInt(3)).isBetween(0, 2);
        }
        assertThat(seen).containsExactlyInAnyOrder(true, false);
    }
}
