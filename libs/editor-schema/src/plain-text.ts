import { childrenOf, type EditorJSON } from './json';

const BLOCKS = new Set([
  'paragraph', 'heading', 'blockquote', 'codeBlock', 'listItem', 'bulletList', 'orderedList',
  'table', 'tableRow', 'horizontalRule',
]);

/** Text only (search, notifications, previews): blocks on their own lines, table cells split by tabs. */
export function plainText(json: EditorJSON): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: EditorJSON) => {
    switch (node.type) {
      case 'text':
        line += node.text ?? '';
        return;
      case 'hardBreak':
        flush();
        return;
      case 'tableRow': {
        const cells = childrenOf(node).map((cell) => plainText({ type: 'doc', content: childrenOf(cell) }).replace(/\n/g, ' '));
        if (line !== '') flush();
        line = cells.join('\t');
        flush();
        return;
      }
      default:
        break;
    }
    const block = BLOCKS.has(node.type ?? '');
    if (block && line !== '') flush();
    for (const child of childrenOf(node)) walk(child);
    if (block && line !== '') flush();
  };
  walk(json);
  if (line !== '') flush();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
