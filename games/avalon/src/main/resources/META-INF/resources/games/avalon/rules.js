// Avalon facts the UI needs to talk about the game (names, counts, defaults). The server decides
// everything; these only label and prefill.

export const ROLES = {
  merlin: { title: 'Merlin', side: 'good', help: 'sees the evil players, except Mordred' },
  percival: { title: 'Percival', side: 'good', help: 'sees Merlin and Morgana, without knowing which is which' },
  servant: { title: 'Loyal Servant of Arthur', side: 'good', help: 'sees no one' },
  morgana: { title: 'Morgana', side: 'evil', help: 'appears to Percival as Merlin might' },
  mordred: { title: 'Mordred', side: 'evil', help: 'hidden from Merlin' },
  oberon: { title: 'Oberon', side: 'evil', help: 'unknown to the other evil players, and does not know them' },
  assassin: { title: 'Assassin', side: 'evil', help: 'names Merlin if good completes three quests' },
  minion: { title: 'Minion of Mordred', side: 'evil', help: 'knows the other evil players' },
};

/** The special roles a room creator may choose; the rest of the seats are Servants and Minions. */
export const SPECIAL_ROLES = ['merlin', 'percival', 'morgana', 'mordred', 'oberon', 'assassin'];

/** good and evil seats by player count. */
export const SIDES = { 5: [3, 2], 6: [4, 2], 7: [4, 3], 8: [5, 3], 9: [6, 3], 10: [6, 4] };

/** The game's default role set per player count (RoleSets.defaults on the server). */
export function defaultRoles(players) {
  const roles = ['merlin', 'percival', 'morgana', 'assassin'];
  if (players >= 8) roles.push('mordred');
  if (players === 7 || players === 10) roles.push('oberon');
  return roles;
}

export const STEPS = ['propose', 'vote', 'quest', 'lady', 'assassinate'];

export const STEP_NAMES = {
  propose: 'Choosing a team',
  vote: 'Voting on the team',
  quest: 'On the quest',
  lady: 'Lady of the Lake',
  assassinate: 'Assassination',
  over: 'Game over',
};

export function roleTitle(id) {
  return ROLES[id]?.title ?? id;
}
