// Parses the XML of a WeCom callback (the outer envelope and the decrypted message) into the
// children of its root <xml> element. A real XML parser, but one that expands no entities and
// refuses any DOCTYPE, so a hostile payload cannot define entities at all (billion laughs, XXE).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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
  const parsed: unknown = parser.parse(xml);
  const root = (parsed as { xml?: unknown }).xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { ok: false, reason: 'no <xml> root element' };
  return { ok: true, fields: root as Record<string, unknown> };
}
