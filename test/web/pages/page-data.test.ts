// The JSON a page's script reads cannot close its <script> element, whatever a person typed.
import { describe, expect, it } from 'vitest';
import { pageData } from '../../../web/pages/page-data.js';

describe('pageData', () => {
  it('writes <, > and & as JSON escapes and reads back the same value', () => {
    const value = { unit: '</script><script>alert(1)</script>&' };
    const markup = pageData(value).value;
    expect(markup.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(/id="page-data">(.*)<\/script>$/.exec(markup)![1]!)).toEqual(value);
  });
});
