/*
 * Tri des tableaux du site, sans bibliothèque externe.
 *
 * Un tableau placé dans <div class="tableau-triable"> reçoit, dans chaque en-tête de
 * colonne, un bouton qui trie les lignes (croissant, puis décroissant). Le bouton est
 * atteignable au clavier ; l'en-tête porte aria-sort, et une zone « polie » annonce le
 * tri aux lecteurs d'écran. Les nombres sont triés comme des nombres, le texte selon
 * l'ordre alphabétique français ; « — » (sans valeur) va toujours en fin de liste.
 */
(function () {
  "use strict";

  // Créé au premier tri seulement : charger les règles de tri du français coûte à Chromium
  // plusieurs dizaines de millisecondes, qu'aucune page n'a à payer à son ouverture.
  var collator = null;

  function collate(a, b) {
    if (collator === null) {
      collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
    }
    return collator.compare(a, b);
  }

  function cellValue(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function isEmpty(text) {
    return text === "" || text === "—";
  }

  function compare(a, b) {
    if (isEmpty(a) || isEmpty(b)) {
      return isEmpty(a) === isEmpty(b) ? 0 : isEmpty(a) ? 1 : -1;
    }
    var x = Number(a.replace(",", "."));
    var y = Number(b.replace(",", "."));
    if (!isNaN(x) && !isNaN(y)) {
      return x - y;
    }
    return collate(a, b);
  }

  function sortBy(table, column, button, status) {
    var header = button.parentNode;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(cellValue(r1, column), cellValue(r2, column));
      return ascending || order === 0 ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    status.textContent =
      "Tableau trié par « " + button.textContent.trim() + " », ordre " + (ascending ? "croissant" : "décroissant") + ".";
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length || table.dataset.triable) {
      return;
    }
    table.dataset.triable = "oui";
    var status = document.createElement("p");
    status.className = "tableau-triable__etat";
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tableau-triable__bouton";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      button.title = "Trier par cette colonne";
      header.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(table, column, button, status);
      });
    });
  }

  function enhanceAll() {
    document.querySelectorAll(".tableau-triable table").forEach(enhance);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(enhanceAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
