/**
 * Per record kind: the figures (paths under the kind's key, `*` one group key) that need a field,
 * so that a column no ledger has makes them missing rather than 0 (compute/absent.ts).
 */
import { PROPOSAL_FIGURE_NEEDS } from './proposal-columns.js';

const counted = (field: string, groups: readonly string[]) => [field, ...groups.map((g) => `${g}.${field}`)];
const MEETING_GROUPS = ['standingCommittee', 'consultations', 'byKind.*', 'byTag.*', 'byId.*'];
const RESEARCH_GROUPS = ['byKind.*', 'byLeadBodyKind.*', 'byTag.*', 'byId.*'];

export const FIGURE_NEEDS: Record<string, Record<string, readonly string[]>> = {
  proposals: PROPOSAL_FIGURE_NEEDS,
  meetings: {
    suggestions: counted('suggestions', MEETING_GROUPS),
    suggestionsAdopted: counted('suggestionsAdopted', MEETING_GROUPS),
  },
  research: { suggestions: counted('suggestions', RESEARCH_GROUPS) },
  information: {
    submitted: ['submitted', 'adoptionRate'],
    adoptedBy: ['adopted', 'adoptionRate', 'byAdoptionLevel', 'byAdoptionForm'],
    adoptionForm: ['byAdoptionForm'],
  },
};
