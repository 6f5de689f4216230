/**
 * What the command line knows of each report kind — its name, label, template folder and what it
 * reads — declared once, here, apart from how the kind is made (kinds/*.ts, which spread these):
 * the command line lists, parses and chooses kinds without loading what makes a report.
 */

/** The report kinds by name (kinds/index.ts holds one of each). */
export type KindName = 'annual' | 'summary' | 'term' | 'compilation' | 'proposals';

/**
 * What a kind reads, declared once: the command line checks a request against it and chooses
 * the kind from it, `init` writes a year's narrative skeletons for it, and watching follows the
 * plan it makes.
 */
export interface KindInput {
  /** One year (`2023`), or a term's years (`2018-2022`). */
  years: 'one' | 'range';
  /** One data folder, or several (one per organisation, at least two). */
  dataFolders: 'one' | 'several';
  /** How it is asked for on the command line. */
  example: string;
}

export interface KindDeclaration {
  name: KindName;
  /** 中文名: 年度工作报告 */
  label: string;
  /** The template folder: templates/<name>/. */
  templates: string;
  input: KindInput;
}

const declare = (name: KindName, label: string, input: KindInput): KindDeclaration => ({ name, label, templates: name, input });

/** In the order the command line lists them; the first that fits a request is its default. */
export const KIND_DECLARATIONS: readonly KindDeclaration[] = [
  declare('annual', '年度工作报告', { years: 'one', dataFolders: 'one', example: 'report build 2023' }),
  declare('summary', '工作综述', { years: 'one', dataFolders: 'one', example: 'report build 2023 --kind summary' }),
  declare('term', '届末五年工作报告', { years: 'range', dataFolders: 'one', example: 'report build 2018-2022 --kind term' }),
  declare('compilation', '综述汇编', { years: 'one', dataFolders: 'several', example: 'report build 2023 --data 甲区 --data 乙区' }),
  declare('proposals', '提案工作情况报告', { years: 'one', dataFolders: 'one', example: 'report build 2023 --kind proposals' }),
];

export function kindDeclaration(name: KindName): KindDeclaration {
  return KIND_DECLARATIONS.find((k) => k.name === name)!;
}

/** The kind for a request that names none: by its years and data folders (the first kind that fits: annual for one year and folder). */
export function defaultKind(years: KindInput['years'], dataFolders: KindInput['dataFolders']): KindDeclaration {
  return KIND_DECLARATIONS.find((k) => k.input.years === years && k.input.dataFolders === dataFolders) ?? KIND_DECLARATIONS[0]!;
}
