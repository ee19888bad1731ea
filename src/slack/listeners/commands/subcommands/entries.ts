// entries: your last 14 days, each with Edit and Delete.
import { entriesReply } from '../../../blocks/entries';
import { recentEntries } from '../../../../services/entries';
import type { HandlerTable } from './types';

export const entries: HandlerTable = {
  async entries({ deps, person }) {
    return entriesReply(await recentEntries(deps, person));
  },
};
