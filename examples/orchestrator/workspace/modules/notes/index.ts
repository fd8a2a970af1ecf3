import { createNotesModule } from './notes-module.js';

export default createNotesModule();
