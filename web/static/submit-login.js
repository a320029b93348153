// The one-time link's page posts its token at once: only a person's browser runs this, so a link
// preview that fetches the URL does not use the link up (web/login/login-routes.ts).
(function () {
  var form = document.getElementById('login-form');
  if (form) form.submit();
})();
