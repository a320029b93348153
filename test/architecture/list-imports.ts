// Every module a TypeScript file names, read with the TypeScript compiler's parser (not a regex, so
// a side-effect import, an `import()` in a function, `export … from`, `import x = require()` and a
// type position's `import('…')` are all found, and text in comments or strings is not).
import ts from 'typescript';

export type ImportKind = 'import' | 'import type' | 'side-effect import' | 'export from' | 'dynamic import()' | 'require';

export interface ImportEdge {
  /** The specifier as written; undefined for an `import()` of a computed value, which no checker can follow. */
  specifier: string | undefined;
  kind: ImportKind;
  line: number;
}

export function listImports(fileName: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined, kind: ImportKind): void => {
    const literal = specifier && (ts.isStringLiteral(specifier) || ts.isNoSubstitutionTemplateLiteral(specifier)) ? specifier.text : undefined;
    edges.push({ specifier: literal, kind, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      add(node, node.moduleSpecifier, !clause ? 'side-effect import' : clause.isTypeOnly ? 'import type' : 'import');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, 'export from');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'require');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], 'dynamic import()');
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
      add(node, node.arguments[0], 'require');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, 'import type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}
