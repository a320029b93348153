// Moved to use-cases/read-material-notices.ts (issue 17 item 2); kept only for handlers/progress/, which another
// change owns, until it imports the use case itself.
export { readMaterialNotices, type MaterialNotice } from '../../use-cases/read-material-notices.js';
