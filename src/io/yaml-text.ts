import { Document, visit } from 'yaml';
import { hasControlCharacter, showControlCharacters } from './control-characters.js';

/** Options of {@link yamlText}. */
export interface YamlTextOptions {
  /** Fold long lines at this width (0: never). */
  lineWidth: number;
  /** The YAML version written (the scenario reader reads 1.1). */
  version: '1.1' | '1.2';
}

/**
 * `value` as YAML text for a file the tool writes (scenario.yaml): any string — key or value —
 * holding a control character ({@link hasControlCharacter}: ESC, C1 controls, bidirectional
 * overrides) is written double-quoted with that character as a `\u001b`-style escape, which
 * YAML reads back as the same character. So the file reads back exactly, and shows nothing a
 * terminal acts on. Cost: one pass over the document.
 */
export function yamlText(value: unknown, options: YamlTextOptions): string {
  const document = new Document(value, { version: options.version });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasControlCharacter(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return showControlCharacters(document.toString({ lineWidth: options.lineWidth }));
}
