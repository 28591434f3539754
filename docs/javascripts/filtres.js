/*
 * Filtres des pages du site (l'explorateur, les grands tableaux), sans bibliothèque externe.
 *
 * Une page qui porte un formulaire <form class="filtres"> (caché tant que ce script ne l'a pas
 * montré) et des tableaux placés dans <div class="tableau-filtrable" data-filtre="flow"> : le
 * script lit l'index de l'explorateur (telechargements/explorateur/index.json), reconnaît
 * l'entité de chaque ligne au lien vers sa page, puis cache les lignes qui ne répondent pas au
 * filtre. Sur un schéma, un groupe marqué data-flux (les flux qu'il représente, séparés par des
 * espaces : un seul pour la flèche d'un flux, tous ceux d'une paire de catégories sur la carte
 * par catégorie) ou data-services (les services qu'il représente) est estompé quand aucun d'eux
 * ne répond au filtre. Le filtre est lu dans l'adresse de la page (?vue=pa&service=…) et y est
 * écrit à chaque changement : l'adresse se partage. Une zone « polie » annonce le nombre de
 * lignes affichées. Une fois le filtre de l'adresse appliqué, le formulaire porte
 * data-filtres-prets et la page a la marque de performance « filtres-prets » (make bench mesure
 * ce moment). Sans ce script, la page montre tout.
 *
 * Une liste filtre sur une valeur (« Toutes » : pas de filtre) ; un groupe de cases admet les
 * valeurs cochées : une entité s'affiche si chacune de ses valeurs (l'état de chaque branche
 * d'un flux, par exemple) est cochée.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var INDEX = "telechargements/explorateur/index.json";
  var DIMMED = "filtres-estompe";
  var READY = "filtres-prets";

  function pageKey(href) {
    var url = new URL(href, document.baseURI);
    url.hash = "";
    url.search = "";
    return url.href;
  }

  function controls(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-facette]"));
  }

  /* Le filtre du formulaire : pour une liste, la valeur choisie ; pour des cases, celles cochées. */
  function readForm(form) {
    var state = { lists: {}, boxes: {} };
    controls(form).forEach(function (control) {
      var facet = control.dataset.facette;
      if (control.type === "checkbox") {
        var group = state.boxes[facet] || (state.boxes[facet] = { all: true, values: {} });
        if (control.checked) {
          group.values[control.value] = true;
        } else {
          group.all = false;
        }
      } else if (control.value) {
        state.lists[facet] = control.value;
      }
    });
    return state;
  }

  function matches(entity, state) {
    var facets = entity.facets;
    var facet;
    for (facet in state.lists) {
      if ((facets[facet] || []).indexOf(state.lists[facet]) < 0) {
        return false;
      }
    }
    for (facet in state.boxes) {
      var group = state.boxes[facet];
      if (!group.all && !(facets[facet] || []).every(function (value) { return group.values[value]; })) {
        return false;
      }
    }
    return true;
  }

  /* L'adresse de la page donne le filtre : une liste prend sa valeur, un groupe de cases ses valeurs. */
  function fromAddress(form) {
    var params = new URLSearchParams(window.location.search);
    controls(form).forEach(function (control) {
      if (!params.has(control.name)) {
        return;
      }
      var wanted = params.getAll(control.name);
      if (control.type === "checkbox") {
        control.checked = wanted.indexOf(control.value) >= 0;
      } else if (Array.prototype.some.call(control.options, function (o) { return o.value === wanted[0]; })) {
        control.value = wanted[0];
      }
    });
  }

  function toAddress(form) {
    var params = new URLSearchParams(window.location.search);
    var names = {};
    controls(form).forEach(function (control) {
      names[control.name] = true;
    });
    Object.keys(names).forEach(function (name) {
      params.delete(name);
    });
    var state = readForm(form);
    controls(form).forEach(function (control) {
      if (control.type === "checkbox") {
        if (!state.boxes[control.dataset.facette].all && control.checked) {
          params.append(control.name, control.value);
        }
      } else if (control.value) {
        params.set(control.name, control.value);
      }
    });
    // Aucune case cochée dans un groupe : le nom seul, pour que l'adresse le garde.
    Object.keys(state.boxes).forEach(function (facet) {
      var group = state.boxes[facet];
      var name = form.querySelector('[data-facette="' + facet + '"]').name;
      if (!group.all && Object.keys(group.values).length === 0) {
        params.append(name, "");
      }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }

  function rowsOf(byUrl) {
    var rows = [];
    document.querySelectorAll(".tableau-filtrable[data-filtre]").forEach(function (wrapper) {
      var known = byUrl[wrapper.dataset.filtre] || {};
      wrapper.querySelectorAll("tbody tr").forEach(function (row) {
        var links = row.querySelectorAll("a[href]");
        for (var i = 0; i < links.length; i += 1) {
          var entity = known[pageKey(links[i].href)];
          if (entity) {
            rows.push({ row: row, entity: entity });
            return;
          }
        }
      });
    });
    return rows;
  }

  function announce(status, shown, total) {
    status.textContent =
      shown === total
        ? "Toutes les lignes sont affichées (" + total + ")."
        : shown + (shown > 1 ? " lignes affichées" : " ligne affichée") + " sur " + total + ".";
  }

  /* Les groupes d'un schéma marqués par « attribute », chacun avec les identifiants qu'il représente. */
  function marked(attribute) {
    return Array.prototype.map.call(document.querySelectorAll("svg g[" + attribute + "]"), function (group) {
      return { group: group, ids: group.getAttribute(attribute).split(/\s+/).filter(Boolean) };
    });
  }

  /* Estompe chaque groupe dont aucun identifiant n'est visible. */
  function dim(groups, visible) {
    groups.forEach(function (item) {
      var shown = item.ids.some(function (id) {
        return visible[id] === true;
      });
      item.group.classList.toggle(DIMMED, !shown);
    });
  }

  function apply(form, rows, flows, drawn, status) {
    var state = readForm(form);
    var shown = 0;
    rows.forEach(function (item) {
      var keep = matches(item.entity, state);
      item.row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    var visibleFlows = {};
    var visibleServices = {};
    Object.keys(flows).forEach(function (id) {
      if (matches(flows[id], state)) {
        visibleFlows[id] = true;
        (flows[id].facets.service || []).forEach(function (service) {
          visibleServices[service] = true;
        });
      }
    });
    dim(drawn.flows, visibleFlows);
    dim(drawn.services, visibleServices);
    announce(status, shown, rows.length);
  }

  function setUp(form, data) {
    var byUrl = {};
    var flows = {};
    data.entities.forEach(function (entity) {
      var key = pageKey(new URL(entity.url, new URL("../", script.src)).href);
      (byUrl[entity.kind] || (byUrl[entity.kind] = {}))[key] = entity;
      if (entity.kind === "flow") {
        flows[entity.id] = entity;
      }
    });
    var rows = rowsOf(byUrl);
    var drawn = { flows: marked("data-flux"), services: marked("data-services") };
    var status = form.querySelector("[role=status]");
    var update = function () {
      apply(form, rows, flows, drawn, status);
    };
    fromAddress(form);
    form.hidden = false;
    form.addEventListener("change", function () {
      toAddress(form);
      update();
    });
    // Les filtres s'appliquent à chaque changement ; « Appliquer » (Entrée) le fait aussi, sans recharger.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      toAddress(form);
      update();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        toAddress(form);
        update();
      }, 0);
    });
    update();
    form.setAttribute("data-" + READY, "");
    if (window.performance && window.performance.mark) {
      window.performance.mark(READY);
    }
  }

  /* L'index, demandé une seule fois : dès la lecture de ce script quand la page a un formulaire de
   * filtres (le script est en fin de page, avant celui du thème : le formulaire est déjà lu), pendant
   * que le thème s'exécute. Le filtre s'applique dès que l'index est là : son écouteur de
   * DOMContentLoaded précède celui du thème, qui ne s'est pas encore abonné. */
  var pending = null;
  function index() {
    if (!pending) {
      pending = window.fetch(new URL("../" + INDEX, script.src).href).then(function (response) {
        return response.ok ? response.json() : Promise.reject(new Error(String(response.status)));
      });
    }
    return pending;
  }

  function start() {
    var form = document.querySelector("form.filtres");
    if (!form || !script || !window.fetch) {
      return;
    }
    index()
      .then(function (data) {
        setUp(form, data);
      })
      .catch(function () {
        // Sans index, la page reste entière : le formulaire demeure caché.
      });
  }

  if (script && window.fetch && document.querySelector("form.filtres")) {
    index().catch(function () {
      // L'échec est traité par start(), qui laisse la page entière.
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
