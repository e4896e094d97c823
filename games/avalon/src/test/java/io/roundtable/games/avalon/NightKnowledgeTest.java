package io.roundtable.games.avalon;

import static io.roundtable.games.avalon.Role.ASSASSIN;
import static io.roundtable.games.avalon.Role.MERLIN;
import static io.roundtable.games.avalon.Role.MINION;
import static io.roundtable.games.avalon.Role.MORDRED;
import static io.roundtable.games.avalon.Role.MORGANA;
import static io.roundtable.games.avalon.Role.OBERON;
import static io.roundtable.games.avalon.Role.PERCIVAL;
import static io.roundtable.games.avalon.Role.SERVANT;
import static io.roundtable.games.avalon.Visibility.Label.EVIL;
import static io.roundtable.games.avalon.Visibility.Label.MERLIN_OR_MORGANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.games.avalon.AvalonView.Sighting;

/** What each role sees at the start, seat by seat (ten players: every role at once). */
class NightKnowledgeTest {
    // seats:  0       1         2        3        4        5        6         7        8         9
    static final Role[] ALL = {MERLIN, PERCIVAL, SERVANT, SERVANT, SERVANT, SERVANT, MORGANA, MORDRED, ASSASSIN, OBERON};
    static final AvalonOptions TEN = AvalonOptions.forPlayers(10)
            .withRoles("merlin", "percival", "morgana", "mordred", "assassin", "oberon");

    static List<Sighting> night(AvalonOptions options, int seat, Role... roles) {
        return Tabletop.dealt(options, 0, roles).view(seat).sees();
    }

    static Sighting evil(int seat) {
        return new Sighting(seat, EVIL);
    }

    @Test
    void merlin_sees_every_evil_player_but_mordred_as_evil_oberon_included() {
        assertThat(night(TEN, 0, ALL)).containsExactly(evil(6), evil(8), evil(9));
    }

    @Test
    void with_the_variant_merlin_does_not_see_oberon_either() {
        assertThat(night(TEN.withOberonHiddenFromMerlin(true), 0, ALL)).containsExactly(evil(6), evil(8));
    }

    @Test
    void percival_sees_merlin_and_morgana_without_telling_which_is_which() {
        assertThat(night(TEN, 1, ALL)).containsExactly(new Sighting(0, MERLIN_OR_MORGANA), new Sighting(6, MERLIN_OR_MORGANA));
        Role[] swapped = ALL.clone();
        swapped[0] = MORGANA;
        swapped[6] = MERLIN;
        assertThat(night(TEN, 1, swapped)).isEqualTo(night(TEN, 1, ALL));
    }

    @Test
    void without_morgana_percival_sees_only_merlin() {
        AvalonOptions options = AvalonOptions.forPlayers(5).withRoles("merlin", "percival", "assassin");
        assertThat(night(options, 1, MERLIN, PERCIVAL, SERVANT, ASSASSIN, MINION))
                .containsExactly(new Sighting(0, MERLIN_OR_MORGANA));
    }

    @Test
    void a_loyal_servant_sees_no_one() {
        for (int seat = 2; seat <= 5; seat++) {
            assertThat(night(TEN, seat, ALL)).isEmpty();
        }
    }

    @Test
    void morgana_mordred_and_the_assassin_see_each_other_but_not_oberon() {
        assertThat(night(TEN, 6, ALL)).containsExactly(evil(7), evil(8));
        assertThat(night(TEN, 7, ALL)).containsExactly(evil(6), evil(8));
        assertThat(night(TEN, 8, ALL)).containsExactly(evil(6), evil(7));
    }

    @Test
    void a_minion_sees_the_other_evil_players_but_not_oberon() {
        AvalonOptions options = AvalonOptions.forPlayers(10).withRoles("merlin", "assassin", "oberon");
        assertThat(night(options, 9, MERLIN, SERVANT, SERVANT, SERVANT, SERVANT, SERVANT, OBERON, MINION, ASSASSIN, MINION))
                .containsExactly(evil(7), evil(8));
    }

    @Test
    void oberon_sees_no_one() {
        assertThat(night(TEN, 9, ALL)).isEmpty();
    }

    @Test
    void the_night_is_data_labels_never_name_a_role() {
        for (Role viewer : Role.values()) {
            for (Role target : Role.values()) {
                Visibility.sees(viewer, target, TEN).ifPresent(label -> assertThat(label).isIn(EVIL, MERLIN_OR_MORGANA));
            }
        }
    }

    @Test
    void a_spectator_sees_no_role_and_no_night() {
        AvalonView view = Tabletop.dealt(TEN, 0, ALL).spectator();
        assertThat(view.you()).isNull();
        assertThat(view.role()).isNull();
        assertThat(view.sees()).isNull();
        assertThat(view.roles()).isNull();
    }
}
