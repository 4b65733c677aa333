// The kg graph page: reads the JSON data block, draws it with vis-network and fills the side
// panel. Article text is only ever assigned through textContent (never innerHTML), and a
// link's href is set only for http(s) URLs, so nothing from an article can run.
(function () {
  "use strict";

  var startedAt = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(
    document.getElementById("kg-network"), { nodes: nodes, edges: edges }, data.options
  );
  // Timings in ms since navigation start, read by bench/bench_view.py.
  var kg = {
    network: network, nodes: nodes, edges: edges, ready: false,
    startedAt: startedAt, builtAt: performance.now(), readyAt: null,
  };
  window.kg = kg;

  var panel = document.getElementById("kg-panel");
  var status = document.getElementById("kg-search-status");
  var sinceInput = document.getElementById("kg-since");
  var untilInput = document.getElementById("kg-until");
  var colours = {};
  data.relations.forEach(function (r) { colours[r.relation] = r.colour; });

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function labelOf(id) {
    var node = nodes.get(id);
    return node ? node.label : String(id);
  }

  function relationWords(relation) { return String(relation).replace(/_/g, " "); }

  function safeUrl(text) {
    try {
      var url = new URL(String(text));
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  // ---- legend -------------------------------------------------------------------------------
  function buildLegend() {
    var legend = document.getElementById("kg-legend");
    legend.appendChild(el("h2", "Actors (size = links)"));
    var actors = el("ul");
    data.actorTypes.forEach(function (t) {
      var item = el("li");
      var glyph = el("span", t.glyph, "kg-glyph");
      glyph.style.color = t.colour;
      item.append(glyph, el("span", relationWords(t.type)));
      actors.appendChild(item);
    });
    legend.appendChild(actors);
    legend.appendChild(el("h2", "Links (width = sources)"));
    var links = el("ul");
    data.relations.forEach(function (r) {
      var item = el("li");
      var line = el("span", null, "kg-line");
      line.style.borderTopColor = r.colour;
      item.append(line, el("span", relationWords(r.relation) + (r.directed ? " →" : " (no direction)")));
      links.appendChild(item);
    });
    var dashed = el("li");
    dashed.append(el("span", null, "kg-line kg-dashed"), el("span", "contested or single source"));
    links.appendChild(dashed);
    legend.appendChild(links);
  }

  // ---- filters ------------------------------------------------------------------------------
  function inPeriod(edge, since, until) {
    if (!since && !until) return true;
    var first = edge.first_seen || edge.last_seen;
    var last = edge.last_seen || first;
    if (!first) return false;
    if (since && last < since) return false;
    return !(until && first > until);
  }

  function applyFilters() {
    var wanted = {};
    document.querySelectorAll("#kg-relation-filter input").forEach(function (box) {
      wanted[box.value] = box.checked;
    });
    var since = sinceInput.value;
    var until = untilInput.value;
    var linked = {};
    var edgeUpdates = [];
    var shownEdges = 0;
    edges.forEach(function (edge) {
      var show = wanted[edge.relation] !== false && inPeriod(edge, since, until);
      if (show) {
        shownEdges += 1;
        linked[edge.from] = true;
        linked[edge.to] = true;
      }
      if (Boolean(edge.hidden) === show) edgeUpdates.push({ id: edge.id, hidden: !show });
    });
    var nodeUpdates = [];
    var shownNodes = 0;
    nodes.forEach(function (node) {
      var show = !node.value || Boolean(linked[node.id]);
      if (show) shownNodes += 1;
      if (Boolean(node.hidden) === show) nodeUpdates.push({ id: node.id, hidden: !show });
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    showCounts(shownNodes, shownEdges);
  }

  function showCounts(shownNodes, shownEdges) {
    var text = plural(nodes.length, "actor") + " · " + plural(edges.length, "link");
    if (shownNodes !== nodes.length || shownEdges !== edges.length) {
      text = "showing " + shownNodes + " of " + plural(nodes.length, "actor") + " · " +
        shownEdges + " of " + plural(edges.length, "link");
    }
    if (data.leftOut > 0) {
      text += " (the best sourced; " + data.leftOut + " more left out of this view)";
    }
    document.getElementById("kg-counts").textContent = text;
  }

  function buildFilters() {
    var counts = {};
    var days = [];
    edges.forEach(function (edge) {
      counts[edge.relation] = (counts[edge.relation] || 0) + 1;
      if (edge.first_seen) days.push(edge.first_seen);
      if (edge.last_seen) days.push(edge.last_seen);
    });
    var fieldset = document.getElementById("kg-relation-filter");
    data.relations.forEach(function (r) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = r.relation;
      box.addEventListener("change", applyFilters);
      var line = el("span", null, "kg-line");
      line.style.borderTopColor = r.colour;
      label.append(box, line, el("span", relationWords(r.relation) + " (" + (counts[r.relation] || 0) + ")"));
      fieldset.appendChild(label);
    });
    days.sort();
    if (days.length) {
      [sinceInput, untilInput].forEach(function (input) {
        input.min = days[0];
        input.max = days[days.length - 1];
      });
    }
    sinceInput.addEventListener("change", applyFilters);
    untilInput.addEventListener("change", applyFilters);
    document.getElementById("kg-dates-clear").addEventListener("click", function () {
      sinceInput.value = "";
      untilInput.value = "";
      applyFilters();
    });
  }

  // ---- side panel ---------------------------------------------------------------------------
  function clearPanel() {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
  }

  function facts(pairs) {
    var list = el("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") return;
      list.appendChild(el("dt", pair[0]));
      var value = el("dd");
      if (pair[1] instanceof Node) value.appendChild(pair[1]);
      else value.textContent = String(pair[1]);
      list.appendChild(value);
    });
    return list;
  }

  function edgeTitle(edge) {
    var title = el("span");
    var rel = el("span", " " + relationWords(edge.relation) + " ", "kg-rel");
    rel.style.color = colours[edge.relation] || "#888";
    title.append(el("span", labelOf(edge.from)), rel, el("span", labelOf(edge.to)));
    return title;
  }

  function showNode(id) {
    var node = nodes.get(id);
    if (!node) return;
    clearPanel();
    panel.appendChild(el("h2", node.label));
    var wikidata = null;
    if (/^Q[0-9]+$/.test(String(node.wikidata || ""))) {
      wikidata = el("a", node.wikidata);
      wikidata.href = "https://www.wikidata.org/wiki/" + node.wikidata;
      wikidata.target = "_blank";
      wikidata.rel = "noopener noreferrer";
    }
    panel.appendChild(facts([
      ["Type", relationWords(node.kind || "unknown")],
      ["Id", node.id],
      ["Aliases", node.aliases && node.aliases.length ? node.aliases.join("; ") : "none"],
      ["Wikidata", wikidata],
    ]));
    var connected = network.getConnectedEdges(id);
    panel.appendChild(el("h3", plural(connected.length, "link")));
    var list = el("ul", null, "kg-edge-list");
    connected.forEach(function (edgeId) {
      var edge = edges.get(edgeId);
      var item = el("li");
      var button = el("button");
      button.type = "button";
      button.append(edgeTitle(edge), el("span", " (" + plural(edge.sources, "source") + ")"));
      button.addEventListener("click", function () { selectEdge(edgeId); });
      item.appendChild(button);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function evidenceItem(ev) {
    var item = el("li");
    item.appendChild(el("blockquote", ev.quote));
    var source = el("div", null, "kg-source");
    var url = safeUrl(ev.url);
    var title = ev.title || (url ? url : "Untitled article");
    if (url) {
      var link = el("a", title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      source.appendChild(link);
    } else {
      source.appendChild(el("span", title));
    }
    [ev.publisher, ev.published ? String(ev.published).slice(0, 10) : null].forEach(function (part) {
      if (part) source.appendChild(el("span", " · " + part));
    });
    item.appendChild(source);
    if (ev.attribution) item.appendChild(el("div", "Attributed to " + ev.attribution, "kg-source"));
    if (ev.modality && ev.modality !== "asserted") {
      item.appendChild(el("div", "Modality: " + ev.modality, "kg-source"));
    }
    if (ev.doc) item.appendChild(el("div", "Document " + ev.doc, "kg-source"));
    return item;
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) return;
    clearPanel();
    var heading = el("h2");
    heading.appendChild(edgeTitle(edge));
    panel.appendChild(heading);
    var seen = edge.first_seen || edge.last_seen;
    if (seen && edge.last_seen && edge.last_seen !== seen) seen += " to " + edge.last_seen;
    panel.appendChild(facts([
      ["Sources", edge.sources],
      ["Claims", edge.claims],
      ["Seen", seen || "undated"],
      ["Subtypes", edge.subtypes && edge.subtypes.length ? edge.subtypes.join(", ") : null],
      ["Contested", edge.contested ? "yes: some sources deny it" : null],
    ]));
    var evidence = edge.evidence || [];
    panel.appendChild(el("h3", "Evidence (" + evidence.length + ")"));
    var list = el("ul", null, "kg-evidence");
    evidence.forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
    panel.appendChild(list);
  }

  function selectEdge(id) {
    network.selectEdges([id]);
    showEdge(id);
  }

  // ---- search -------------------------------------------------------------------------------
  var names = [];
  function buildSearch() {
    var datalist = document.getElementById("kg-actor-list");
    nodes.forEach(function (node) {
      var all = [node.label, node.id].concat(node.aliases || []);
      names.push({ id: node.id, label: String(node.label).toLowerCase(),
        all: all.map(function (s) { return String(s).toLowerCase(); }) });
      var option = el("option");
      option.value = node.label;
      datalist.appendChild(option);
    });
  }

  function findActor(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n.all.indexOf(q) >= 0; },
      function (n) { return n.label.indexOf(q) === 0; },
      function (n) { return n.all.some(function (s) { return s.indexOf(q) >= 0; }); },
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = names.find(tests[i]);
      if (hit) return hit.id;
    }
    return null;
  }

  function selectActor(id) {
    var node = nodes.get(id);
    if (!node) return false;
    status.textContent = node.hidden ? node.label + " is hidden by the filters." : "";
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1), locked: false, animation: { duration: 400 },
    });
    showNode(id);
    return true;
  }

  // Enter fires "change" and then "submit": search once, since two overlapping focus
  // animations leave vis-network's view off the actor.
  var lastQuery = null;
  var lastSearchAt = -Infinity;
  function search(event) {
    event.preventDefault();
    var query = document.getElementById("kg-search").value;
    if (!query.trim()) return;
    if (query === lastQuery && performance.now() - lastSearchAt < 500) return;
    lastQuery = query;
    lastSearchAt = performance.now();
    var id = findActor(query);
    if (id === null) status.textContent = "No actor matches “" + query + "”.";
    else selectActor(id);
  }

  // ---- wiring -------------------------------------------------------------------------------
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  function markReady() {
    if (kg.ready) return;
    network.setOptions({ physics: { enabled: false } });
    kg.ready = true;
    kg.readyAt = performance.now();
    document.getElementById("kg-loading").classList.add("kg-done");
    document.body.dataset.ready = "true";
  }
  var loadingText = document.getElementById("kg-loading-text");
  network.on("stabilizationProgress", function (p) {
    loadingText.textContent = "Laying out " + plural(nodes.length, "actor") + "… " +
      Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", markReady);
  network.once("stabilized", markReady);
  if (nodes.length === 0) markReady();

  document.getElementById("kg-search-form").addEventListener("submit", search);
  document.getElementById("kg-search").addEventListener("change", search);
  buildLegend();
  buildFilters();
  buildSearch();
  showCounts(nodes.length, edges.length);

  kg.findActor = findActor;
  kg.selectActor = selectActor;
  kg.showNode = showNode;
  kg.showEdge = showEdge;
  kg.applyFilters = applyFilters;
})();
