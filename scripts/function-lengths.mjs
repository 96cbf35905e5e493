/* global console */
import ts from "typescript"; import fs from "node:fs"; import { execSync } from "node:child_process";
const files = execSync("git ls-files 'src/*.ts' 'src/*.tsx'", {encoding:"utf8"}).split("\n").filter(f => f && !f.includes(".test."));
const out = [];
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      const a = src.getLineAndCharacterOfPosition(n.getStart()).line, b = src.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (b - a + 1 > 60) out.push(`${b - a + 1}\t${f}:${a + 1}\t${n.name ? n.name.getText() : ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : ts.isPropertyAssignment(n.parent) ? n.parent.name.getText() : "?"}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
console.log(out.sort((x, y) => parseInt(y) - parseInt(x)).join("\n"));
