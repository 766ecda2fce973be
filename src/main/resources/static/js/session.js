// Réseau TNA: logging in and out from the application's pages through the Camunda webapps' own login, so that
// one session serves Tasklist and these pages. The webapps refuse a POST without their CSRF token: a GET to their
// API creates it if the session has none (and then hands it over in the X-XSRF-TOKEN response header); otherwise
// the application tells the session's token (/connexion/jeton), as the webapps' cookie is out of these pages' reach.
(function () {
  'use strict';

  var AUTH = '/camunda/api/admin/auth/user/default';

  function csrfToken() {
    return fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        var created = response.headers.get('X-XSRF-TOKEN');
        if (created) {
          return created;
        }
        return fetch('/connexion/jeton', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (answer) { return answer.json(); })
          .then(function (json) { return json.jeton; });
      });
  }

  function post(path, body) {
    return csrfToken().then(function (token) {
      var headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
      return fetch(path, { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
    });
  }

  // The server gives a path of this site (platform.web.ReturnPath); checked again here all the same.
  function localPath(value) {
    return typeof value === 'string' && /^\/(?![\/\\])[\x21-\x7E]*$/.test(value) && value.indexOf('\\') < 0
      ? value : '/accueil';
  }

  function explain(form, text) {
    var message = form.querySelector('[data-connexion-message]');
    message.textContent = text;
    message.hidden = false;
  }

  function logIn(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var button = form.querySelector('button[type=submit]');
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    var body = new URLSearchParams();
    body.set('username', form.elements.username.value.trim());
    body.set('password', form.elements.password.value);
    post(AUTH + '/login/tasklist', body)
      .then(function (response) {
        if (response.ok) {
          window.location.assign(localPath(form.getAttribute('data-retour')));
          return;
        }
        explain(form, response.status === 403
          ? 'Votre compte ne donne pas accès à l\'application. Adressez-vous au référent du réseau.'
          : 'Identifiant ou mot de passe incorrect. Après un essai manqué, attendez quelques secondes avant de réessayer.');
      })
      .catch(function () {
        explain(form, 'Le serveur ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.');
      })
      .finally(function () {
        button.removeAttribute('aria-busy');
        button.disabled = false;
      });
  }

  function logOut() {
    post(AUTH + '/logout', '').finally(function () {
      window.location.assign('/connexion');
    });
  }

  document.querySelectorAll('form[data-connexion]').forEach(function (form) {
    form.addEventListener('submit', logIn);
  });
  document.querySelectorAll('[data-deconnexion]').forEach(function (button) {
    button.addEventListener('click', logOut);
  });
})();
