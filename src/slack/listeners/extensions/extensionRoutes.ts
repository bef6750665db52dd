// Extension requests (README "Extension requests"): the card's and reminders' button that opens
// the form, the form, and the approvers' Approve / Refuse. `/reform extend` is routed by the
// /reform command (commands/extend.ts).
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import type { Routes } from '../routes.ts';
import { extensionApproveAction, extensionRefuseAction } from './extensionDecide.ts';
import { extensionOpen } from './extensionOpen.ts';
import { extensionSubmit } from './extensionSubmit.ts';

export function extensionRoutes(deps: SlackDeps): Routes {
  return {
    actions: {
      [ACTIONS.extensionOpen]: extensionOpen(deps),
      [ACTIONS.extensionApprove]: extensionApproveAction(deps),
      [ACTIONS.extensionRefuse]: extensionRefuseAction(deps),
    },
    views: { [VIEWS.extensionRequest]: extensionSubmit(deps) },
  };
}
