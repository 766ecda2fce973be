// Réseau TNA: what Tasklist shows the network's users, for every form and task, present and future
// (README "French webapps"). Loaded by config.js (customScripts) after Tasklist's AngularJS module is defined and
// before the application starts, so that the blocks below apply from the first page.
//
// 1. form-js (Camunda Forms) writes its validation messages in English and shows the raw regular expression of a
//    pattern. Its Validator is replaced, in every form Tasklist builds, by one that says the same in French; a
//    pattern's message is the first sentence of the field's description (the format and an example).
// 2. A refusal of the server (HTTP 400 or 409 whose body is one French sentence) is shown as that sentence alone,
//    next to the form's buttons, replacing any earlier one; no engine text, no "Le processus n'a pas pu être démarré
//    : …".
// 3. What nobody may do here is not offered: "Créer une tâche" (no role creates standalone tasks). What members may
//    not do on a task (the engine refuses it: the follow-up and due dates, the groups, comments) is not offered to
//    them either: the page carries the class "tna-membre" for anyone who may not open Cockpit (user-styles.css).
// 4. The task list shows each task's description (what it is about, written by the server when the task is
//    created); the priority, meaningless here, is hidden (user-styles.css).

const angular = window.angular;
const tasklist = angular.module('cam.tasklist');

/* ---------------------------------------------------------------------------------------------------------- */
/* 1. French validation messages of form-js                                                                    */
/* ---------------------------------------------------------------------------------------------------------- */

/** The first sentence of a description: up to the first ". " or " ; ", without the final full stop. */
function firstSentence(text) {
  const plain = String(text || '').replace(/\s+/g, ' ').trim();
  const end = plain.search(/\.\s|\s;\s/);
  return (end < 0 ? plain : plain.substring(0, end)).replace(/\.$/, '').trim();
}

/** "Jour/mois/année…" continues a sentence as "jour/mois/année…"; "JJ/MM/AAAA" and "SIRET" stay as they are. */
function continuing(text) {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.substring(1) : text;
}

function frenchNumber(text) {
  return String(text).replace('.', ',');
}

function lengthOf(value) {
  return typeof value === 'string' ? value.trim().length : 0;
}

function required(field) {
  switch (field.type) {
    case 'checkbox':
      return 'Cochez cette case pour continuer.';
    case 'radio':
    case 'select':
      return 'Choisissez une réponse.';
    case 'checklist':
    case 'taglist':
      return 'Choisissez au moins une réponse.';
    default:
      return 'Ce champ est obligatoire.';
  }
}

function expectedFormat(field) {
  const hint = firstSentence(field.description);
  return hint ? 'Format attendu : ' + continuing(hint) + '.' : "Ce n'est pas le format attendu pour ce champ.";
}

/** One message of form-js 1.x (see its Validator) said in French, for that field and value. */
function french(field, value, message) {
  let m;
  if (message === 'Field is required.') {
    return required(field);
  }
  if (message.startsWith('Field must match pattern')) {
    return expectedFormat(field);
  }
  if ((m = /^Field must have minimum value of (.+)\.$/.exec(message))) {
    return 'La valeur doit être au moins ' + frenchNumber(m[1]) + '.';
  }
  if ((m = /^Field must have maximum value of (.+)\.$/.exec(message))) {
    return 'La valeur doit être au plus ' + frenchNumber(m[1]) + '.';
  }
  if ((m = /^Field must have minimum length of (\d+)\.$/.exec(message))) {
    return 'Saisissez au moins ' + m[1] + ' caractères (il y en a ' + lengthOf(value) + ').';
  }
  if ((m = /^Field must have maximum length of (\d+)\.$/.exec(message))) {
    return 'Ce texte ne doit pas dépasser ' + m[1] + ' caractères (il en compte ' + lengthOf(value) + ').';
  }
  if (message.startsWith('Field must be a valid email')) {
    return 'Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.';
  }
  if (message.includes('phone number')) {
    return 'Saisissez un numéro de téléphone au format international, sans espace, par exemple +33233000000.';
  }
  if (message === 'Value is not a number.') {
    return 'Saisissez un nombre.';
  }
  if (message === 'Value is expected to be an integer.') {
    return 'Saisissez un nombre entier, sans virgule.';
  }
  if ((m = /^Value is expected to have at most (\d+) decimal digits?\.$/.exec(message))) {
    return 'Saisissez au plus ' + m[1] + (m[1] === '1' ? ' chiffre' : ' chiffres') + ' après la virgule.';
  }
  if ((m = /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/.exec(message))) {
    return 'Choisissez une valeur possible, par exemple ' + frenchNumber(m[1]) + ' ou ' + frenchNumber(m[2]) + '.';
  }
  return 'Vérifiez ce qui est saisi dans ce champ.';
}

function frenchAll(field, value, messages) {
  return (messages || []).map((message) => french(field || {}, value, String(message)));
}

/** form-js's module, reached through webpack's chunk registry (Tasklist does not expose it). */
function formJs() {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let webpackRequire = null;
  chunks.push([['reseau-tna-' + Math.random().toString(36).substring(2)], {}, (r) => {
    webpackRequire = r;
  }]);
  if (!webpackRequire || !webpackRequire.m) {
    return null;
  }
  const known = '57661'; // @bpmn-io/form-js in the 7.24.0 webjar; searched for when another version moved it
  const ids = [known].concat(Object.keys(webpackRequire.m).filter((id) => id !== known));
  for (const id of ids) {
    const factory = webpackRequire.m[id];
    if (factory && String(factory).includes('"FormPlayground"')) {
      const exports = webpackRequire(id);
      if (exports && exports.Form && typeof exports.Form.prototype._createInjector === 'function') {
        return exports;
      }
    }
  }
  return null;
}

/** Every form built from now on validates in French: its "validator" service is wrapped when it is created. */
function installFrenchValidation() {
  const forms = formJs();
  if (!forms) {
    console.error('Réseau TNA : form-js introuvable, les messages de validation resteront en anglais.');
    return;
  }
  const createInjector = forms.Form.prototype._createInjector;
  forms.Form.prototype._createInjector = function (options, container) {
    const injector = createInjector.call(this, options, container);
    const validator = injector.get('validator');
    const registry = injector.get('formFieldRegistry');
    const validateField = validator.validateField.bind(validator);
    const validateFieldInstance = validator.validateFieldInstance.bind(validator);
    validator.validateField = (field, value) => frenchAll(field, value, validateField(field, value));
    validator.validateFieldInstance = (instance, value) =>
      frenchAll(registry.get(instance.id), value, validateFieldInstance(instance, value));
    return injector;
  };
}

installFrenchValidation();

/* ---------------------------------------------------------------------------------------------------------- */
/* 2. A refusal of the server: its French sentence alone, next to the form's buttons                          */
/* ---------------------------------------------------------------------------------------------------------- */

/** Types of the JSON body that the server answers with a French sentence for people (platform.web.RefusalMappers). */
const SENTENCES = ['InvalidInputException', 'NotFound', 'OptimisticLockingException'];
const FAILED = "L'envoi n'a pas abouti. Réessayez dans un instant ; si cela se reproduit, prévenez le référent du réseau.";
const CHECK_FIELDS = 'Vérifiez les champs signalés en rouge, puis recommencez.';

/** The French sentence of the server's last refused submission, kept until it is shown. */
let lastRefusal = null;

function rememberRefusal(error) {
  const body = error && error.response && error.response.body;
  lastRefusal = body && SENTENCES.includes(body.type) && typeof body.message === 'string' ? body.message : null;
}

/** Wraps a resource's submitForm: the promise given to Tasklist is unchanged; its failure is read first. */
function watchSubmissions(resource) {
  const submitForm = resource.submitForm;
  resource.submitForm = function () {
    lastRefusal = null;
    const result = submitForm.apply(this, arguments);
    if (result && typeof result.catch === 'function') {
      result.catch(rememberRefusal);
    }
    return result;
  };
}

/** Shows the sentence next to the buttons of the open form, in place of any earlier one. */
function showRefusal(sentence) {
  document.querySelectorAll('.tna-refusal').forEach((element) => element.remove());
  const startForm = document.querySelector('.modal-dialog .modal-content [cam-tasklist-form]');
  const anchor = startForm
    ? startForm.closest('.modal-content').querySelector('.modal-footer')
    : document.querySelector('[cam-tasklist-form] .form-actions');
  if (!anchor) {
    return false;
  }
  const alert = document.createElement('div');
  alert.className = 'alert alert-danger tna-refusal';
  alert.setAttribute('role', 'alert');
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-exclamation-sign';
  icon.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.className = 'tna-refusal-text';
  text.textContent = sentence;
  alert.append(icon, ' ', text);
  if (startForm) {
    anchor.insertBefore(alert, anchor.firstChild);
  } else {
    anchor.parentNode.insertBefore(alert, anchor);
  }
  alert.scrollIntoView({block: 'nearest'});
  return true;
}

tasklist.config(['$provide', ($provide) => {
  $provide.decorator('Notifications', ['$delegate', '$injector', (notifications, $injector) => {
    const addError = notifications.addError.bind(notifications);
    notifications.addError = (notification) => {
      const $translate = $injector.get('$translate');
      const formFailure = [$translate.instant('PROCESS_START_ERROR'), $translate.instant('COMPLETE_ERROR')];
      if (!notification || !formFailure.includes(notification.status)) {
        return addError(notification);
      }
      let sentence;
      if (lastRefusal) {
        sentence = lastRefusal;
      } else if (!notification.message) {
        sentence = CHECK_FIELDS; // form-js found mistakes: they are shown under their fields
      } else {
        console.error('Réseau TNA : envoi du formulaire en échec', notification.message);
        sentence = FAILED;
      }
      lastRefusal = null;
      if (!showRefusal(sentence)) {
        addError({type: 'danger', status: sentence, message: '', exclusive: true});
      }
      return undefined;
    };
    return notifications;
  }]);

  /* 3. What nobody may do here. */
  const hidden = ['tasklist.navbar.action:create-task-action'];
  $provide.decorator('Views', ['$delegate', (views) => {
    const getProviders = views.getProviders;
    views.getProviders = function (options) {
      const providers = getProviders.apply(this, arguments) || [];
      const component = options && options.component;
      return providers.filter((provider) => !hidden.includes(component + ':' + provider.id));
    };
    return views;
  }]);

  /* 4. The task list: what each task is about, under its name and process. */
  $provide.decorator('camTasksDirective', ['$delegate', (directives) => {
    const directive = directives[0];
    if (directive && typeof directive.template === 'string') {
      directive.template = directive.template.replace(
        /(<h6 class="process-definition"[\s\S]*?<\/h6>)/,
        '$1\n<p class="tna-task-description" ng-if="task.description">{{ task.description }}</p>');
    }
    return directives;
  }]);
}]);

tasklist.run(['camAPI', '$rootScope', (camAPI, $rootScope) => {
  watchSubmissions(camAPI.resource('task'));
  watchSubmissions(camAPI.resource('process-definition'));
  // 3. A member (anyone who may not open Cockpit: the département's staff may) is not offered what only staff may do.
  $rootScope.$watch(() => $rootScope.authentication, (authentication) => {
    const member = !!authentication && !(typeof authentication.canAccess === 'function' && authentication.canAccess('cockpit'));
    document.body.classList.toggle('tna-membre', member);
  });
}]);

export default [];
