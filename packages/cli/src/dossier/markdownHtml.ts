import { escapeHtml as e } from '../programmeReport/html';

/** Inline Markdown of a README: `code`, **strong** and *emphasis*, on escaped text. */
function inline(text: string): string {
  return e(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/**
 * The little Markdown a README section uses — paragraphs and one level of `- ` bullets whose
 * continuation lines are indented — as HTML, to quote the section as written.
 */
export function markdownHtml(markdown: string): string {
  const blocks: string[] = [];
  let items: string[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (items.length > 0) blocks.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    items = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('- ')) {
      flushParagraph();
      items.push(line.slice(2).trim());
    } else if (/^\s+\S/.test(line) && items.length > 0) {
      items[items.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks.join('\n');
}
