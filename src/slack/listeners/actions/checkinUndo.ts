// Undo on an answered check-in: remove the entry and put the question back.
import { undoCheckin } from '../../../services/checkins';
import { checkinQuestion } from '../../blocks/checkin';
import { entryLine } from '../../blocks/week';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { dmButton } from './shell';

export function checkinUndo(deps: ListenerDeps) {
  return dmButton(deps, 'check-in undo failed', async (who, action) => {
    const id = Number(action.value);
    if (!Number.isInteger(id)) return { tell: errorReply({ code: 'bad', message: 'That check-in could not be read.' }) };
    const r = await undoCheckin(deps, who, id);
    return r.ok
      ? { update: checkinQuestion(r.value.entry.date, `Removed ${entryLine(r.value.entry)}.`) }
      : { tell: errorReply(r.error) };
  });
}
