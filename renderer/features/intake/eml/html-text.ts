import { convert } from 'html-to-text';

/**
 * The text of an HTML-only letter. html-to-text parses the markup with htmlparser2 into plain
 * objects: the HTML never reaches a DOM, so nothing in it can run or load. Links keep their
 * words, images and stylesheets leave nothing.
 */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
    ],
  });
}
