// DingTalk 免登: ask the DingTalk app for a code for this corp and post it with the page's state
// (web/login/login-routes.ts); the server answers 204 with the session cookie set.
(function () {
  var box = document.getElementById('dingtalk-login');
  if (!box || !window.ddRequestAuthCode) return;
  var fail = function () {
    box.textContent = '钉钉登录失败。请在钉钉中重新发送「看板」，从回复的链接进入。';
  };
  window.ddRequestAuthCode({ corpId: box.getAttribute('data-corp-id') }).then(function (result) {
    var body = new URLSearchParams({ code: result.code, state: box.getAttribute('data-state') });
    return fetch('/kanban/auth/dingtalk', { method: 'POST', body: body, credentials: 'same-origin' }).then(function (response) {
      if (response.status === 204) window.location.replace('/kanban');
      else fail();
    });
  }, fail);
})();
