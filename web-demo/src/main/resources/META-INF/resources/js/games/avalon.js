// The Avalon component: its create-room form and its table. Everything else in a room (members,
// ready, chat, reconnecting) is the generic shell's.
import { avalonOptionsForm } from './avalon/options.js';
import { avalonTable } from './avalon/table.js';

export const avalon = {
  optionsForm: avalonOptionsForm,
  table: avalonTable,
};
