/**
 * Which proposal figures need which column of a ledger. A ledger without a column cannot say
 * what the column holds: the figures that need it are missing (null, an error naming the column
 * where they are cited), never 0. A field some other column implies (已办复 from 办理结果…) is
 * there whenever one of those columns is.
 */

/** Field → the columns that also supply it by inference (proposal-inference.ts). */
export const PROPOSAL_COVERED_BY: Record<string, readonly string[]> = {
  answered: ['result', 'satisfaction', 'answeredOn'],
  submitterKind: ['coProposers'],
  mergedInto: ['review'],
};

/**
 * Field → the figures (paths under `proposals.`, `*` one group key) that need it. A path naming a
 * group (`byLeadUnit`) makes the whole group missing.
 */
export const PROPOSAL_FIGURE_NEEDS: Record<string, readonly string[]> = {
  answered: ['answered', 'answeredRate', 'byLeadUnit.*.answered', 'bySubmitterKind.*.answered', 'bySubmitterKind.*.answeredRate', 'byCategory.*.answered', 'byCategory.*.answeredRate', 'bySector.*.answered', 'bySector.*.answeredRate', 'byTag.*.answered', 'byTag.*.answeredRate'],
  answeredOn: ['lastAnsweredOn'],
  satisfaction: ['responded', 'satisfied', 'satisfactionRate', 'bySatisfaction', 'byLeadUnit.*.satisfied'],
  result: ['resulted', 'byResult', 'keyProposalsByResult'],
  keyProposal: ['keyProposals', 'keyProposalTitles', 'keyProposalsByResult'],
  period: ['periods', 'byPeriod'],
  sector: ['bySector'],
  submitterKind: ['bySubmitterKind', 'collective', 'proposers', 'participationRate'],
  coProposers: ['proposers', 'participationRate'],
  leadUnits: ['units', 'leadUnits', 'leadAssignments', 'multiUnit', 'threeOrMoreUnits', 'byLeadUnit'],
  jointUnits: ['units', 'jointUnits', 'jointAssignments', 'multiUnit', 'threeOrMoreUnits'],
  supervisedBy: ['supervised', 'bySupervisor'],
  rejectionReason: ['byRejectionReason'],
};
