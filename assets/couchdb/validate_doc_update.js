function (newDoc, oldDoc, userCtx, secObj) {
  // tousu's server-side check (README, "Live sync"): installed as _design/tousu's validate_doc_update.
  // Only event documents as the desk writes them are stored, each once: no change, no deletion.
  // ES5 only (CouchDB runs it in its own JavaScript engine).
  // (Comments only inside the function: CouchDB evaluates the text as one expression.)
  function refuse(why) { throw ({ forbidden: why + ': ' + newDoc._id }); }
  // Which events each tousu role records: core::roleMay (src/core/workflow.cpp) as data, on one line
  // that app_tests compares with it (the database holds live data: a trainer records nothing here).
  // Reference data: administrators, except suggestions (anyone).
  var rights = {"agent":["register","confirm","classify","dispatch","contact","wait_customer","customer_responded","feedback","survey","archive","follow_up","escalate","amend","note","message","attach","withdraw_attachment"],"handler":["investigate","contact","wait_customer","customer_responded","propose_solution","implement","feedback","escalate","note","message","attach","withdraw_attachment"],"supervisor":["register","confirm","classify","dispatch","investigate","contact","wait_customer","customer_responded","propose_solution","reject_solution","implement","feedback","survey","archive","follow_up","reopen","reassign","cancel","merge","escalate","set_deadline","amend","note","message","attach","withdraw_attachment"],"admin":["register","confirm","classify","dispatch","investigate","contact","wait_customer","customer_responded","propose_solution","reject_solution","implement","feedback","survey","archive","follow_up","reopen","reassign","cancel","merge","escalate","set_deadline","erase","amend","note","message","attach","withdraw_attachment"],"trainer":[]};
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  // The tousu role of whoever is signed in (a CouchDB role "role:agent"…); refused without one.
  function signedInRole() {
    var role = '';
    for (var r = 0; r < userCtx.roles.length; r++) {
      if (userCtx.roles[r].indexOf('role:') === 0) role = userCtx.roles[r].substring(5);
    }
    if (!userCtx.name || !rights.hasOwnProperty(role)) refuse('the signed-in user has no tousu role');
    return role;
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isAdmin) refuse('only administrators change design documents');
    return;
  }
  // A file attached to a case: "file-<sha256>", its bytes the attachment "file", sent by whoever may
  // attach (the desk checks the bytes against the hash when it receives them).
  if (newDoc._id.indexOf('file-') === 0) {
    if (newDoc._deleted) refuse('a file is never deleted');
    if (oldDoc && !oldDoc._deleted) refuse('a file is never changed');
    if (newDoc.format !== 'tousu.file' || newDoc.version !== 1) refuse('not a tousu file of version 1');
    if (!/^[0-9a-f]{64}$/.test(newDoc.sha256 || '') || newDoc._id !== 'file-' + newDoc.sha256) refuse('a file is named by its sha256');
    if (newDoc._rev !== '1-' + newDoc.sha256.substring(0, 32)) refuse('a file keeps the revision its hash gives it');
    if (typeof newDoc.size !== 'number' || newDoc.size < 1 || newDoc.size > 104857600) refuse('size');
    for (var field in newDoc) {
      if (['_id', '_rev', '_revisions', '_attachments', 'format', 'version', 'sha256', 'size'].indexOf(field) === -1) refuse('unknown field ' + field);
    }
    var files = newDoc._attachments || {};
    for (var attached in files) if (attached !== 'file') refuse('a file document holds one file');
    if (!files.file) refuse('no file');
    if (isAdmin) return;
    if (rights[signedInRole()].indexOf('attach') === -1) refuse('this role may not attach files');
    return;
  }
  if (newDoc._deleted) refuse('an event is never deleted');
  if (oldDoc && !oldDoc._deleted) refuse('an event is never changed');
  if (newDoc.format !== 'tousu.event') refuse('not a tousu event');
  if (newDoc.version !== 1) refuse('not an event of version 1');
  if (!/^1-[0-9a-f]{32}$/.test(newDoc._rev || '')) refuse('an event keeps the revision its content gives it');
  var stamp = /^[0-9]{16}-[0-9]{8}$/;
  var keys = ['case', 'hlc', 'origin', 'actor', 'type', 'prev', 'payload'];
  for (var key in newDoc) {
    if (key.charAt(0) !== '_' && key !== 'format' && key !== 'version' && keys.indexOf(key) === -1) refuse('unknown field ' + key);
  }
  for (var i = 0; i < 6; i++) {
    if (typeof newDoc[keys[i]] !== 'string' || newDoc[keys[i]].length > 64) refuse(keys[i] + ' is missing or too long');
  }
  if (!stamp.test(newDoc.hlc) || !stamp.test(newDoc.prev)) refuse('hlc and prev are tousu stamps');
  if (newDoc.origin === '' || newDoc.type === '') refuse('origin and type are required');
  if ((newDoc['case'] === '') !== (newDoc.type.indexOf('ref.') === 0)) refuse('reference data has no case, case events one');
  var payload = newDoc.payload;
  if (typeof payload !== 'object' || payload === null || payload instanceof Array) refuse('payload is an object');
  var fields = 0;
  for (var name in payload) {
    if (typeof payload[name] !== 'string' || name.length > 64 || payload[name].length > 65536) refuse('payload.' + name);
    if (++fields > 64) refuse('too many payload fields');
  }
  // Server administrators load whole offices (tousu-cli replicate); everyone else writes as the person
  // signed in, with that person's role (a CouchDB role "role:agent"…; the office is the database's
  // _security). A tousu administrator may also send what others recorded (bundles imported by file),
  // and any desk the automatic escalations it recorded.
  if (isAdmin) return;
  var role = signedInRole();
  var automatic = newDoc.actor === 'system' && newDoc.type === 'escalate';
  if (newDoc.actor !== userCtx.name && !automatic && role !== 'admin') {
    refuse('recorded by ' + newDoc.actor + ', not by the signed-in ' + userCtx.name);
  }
  if (newDoc.type.indexOf('ref.') === 0) {
    if (newDoc.type !== 'ref.suggestion' && role !== 'admin') refuse(role + ' may not change reference data');
  } else if (rights[role].indexOf(newDoc.type) === -1) {
    refuse(role + ' may not ' + newDoc.type);
  }
}
