// The Avalon component: its create-room form and its table. Everything else in a room (members,
// ready, chat, reconnecting) is the generic shell's. The runtime serves this file from the game's jar
// (META-INF/resources/games/avalon/ui.js) and the page loads it because GET /api/games names it.
import { avalonOptionsForm } from './options.js';
import { avalonTable } from './table.js';

export default {
  optionsForm: avalonOptionsForm,
  table: avalonTable,
};
