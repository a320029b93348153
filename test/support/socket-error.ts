// The error node:http raises for a socket that failed, as nock's replyWithError must be given it: nock 14
// passes a plain object on to fetch but not to http.request, where the request then never settles.
export function socketError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}
