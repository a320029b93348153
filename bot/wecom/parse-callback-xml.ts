// Parses the XML of a WeCom callback (the outer envelope and the decrypted message) into the
// children of its root <xml> element. A real XML parser, but one that expands no entities and
// refuses any DOCTYPE, so a hostile payload cannot define entities at all (billion laughs, XXE).
// Everything here is untrusted (the envelope is parsed before its signature is checked), so no
// input may make it throw: a parser error is a refusal, answered 400 by the router.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sanitizeCallbackFields } from './sanitize-callback-fields.js';

export type ParsedXml = { ok: true; fields: Record<string, unknown> } | { ok: false; reason: string };

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  // Keep every value a string: ids like MsgId exceed Number.MAX_SAFE_INTEGER.
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseCallbackXml(xml: string): ParsedXml {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'XML with a DOCTYPE or entity declaration' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `malformed XML: ${valid.err.msg}` };
  let parsed: unknown;
  try {
    // The validator passes some markup the parser then chokes on, e.g. `<!'CDATA[1]]>`.
    parsed = parser.parse(xml);
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${firstLine((error as Error).message)}` };
  }
  const root = (parsed as { xml?: unknown } | undefined)?.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { ok: false, reason: 'no <xml> root element' };
  return sanitizeCallbackFields(root as Record<string, unknown>);
}

/** Parser messages quote the input after a "Context:"; the log needs the reason, not the payload. */
function firstLine(message: string): string {
  return message.split(/\. Context:|\n/)[0]!.slice(0, 200);
}
