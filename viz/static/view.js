/* The network view: draws the graph, filters it in place and shows evidence.
 * Every string from the data is put into the page with textContent or as a
 * property value, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("view-data").textContent);
  var meta = data.meta;
  var fileMode = meta.mode === "file";
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var state = {
    relations: new Set(meta.relations),
    minSources: meta.min_sources || 1,
    since: meta.since || "",
    until: meta.until || "",
    focus: null,          // file mode "centre here": {id, depth}
    visibleNodes: new Set(),
    extra: new Set(),     // nodes of a path search stay visible until cleared
    extraEdges: new Set() // and so do its edges
  };

  // ---- small DOM helpers (text only) ------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "className") { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }
  function byId(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function nameOf(id) { var n = nodes.get(id); return n ? n.name : id; }
  var relLabels = {};
  data.legend.relations.forEach(function (r) { relLabels[r.relation] = r.label; });
  function relLabel(e) { return relLabels[e.relation] || e.relation; }

  // ---- filtering -------------------------------------------------------------
  function sourcesInRange(e) {
    if (!state.since && !state.until) { return e.sources; }
    if (e.dates) {
      return e.dates.filter(function (d) {
        return d && (!state.since || d >= state.since) && (!state.until || d <= state.until);
      }).length;
    }
    // no per-source dates (very large view): keep edges whose dated span overlaps
    if (!e.first_seen) { return 0; }
    var overlaps = (!state.until || e.first_seen <= state.until) &&
                   (!state.since || (e.last_seen || e.first_seen) >= state.since);
    return overlaps ? e.sources : 0;
  }
  function edgePasses(e) {
    return state.relations.has(e.relation) && sourcesInRange(e) >= state.minSources;
  }
  function withinFocus(passing) {
    if (!state.focus) { return null; }
    var adj = {};
    passing.forEach(function (e) {
      (adj[e.from] = adj[e.from] || []).push(e.to);
      (adj[e.to] = adj[e.to] || []).push(e.from);
    });
    var seen = new Set([state.focus.id]);
    var frontier = [state.focus.id];
    for (var d = 0; d < state.focus.depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        (adj[n] || []).forEach(function (m) { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  var visibleEdgeIds = new Set();
  // actors drawn without any edge (their edges lead out of the view) always stay
  var isolated = nodes.getIds({ filter: function (n) { return !n.counts || !n.counts.edges; } });
  function apply() {
    var passing = edges.get({ filter: edgePasses });
    var focus = withinFocus(passing);
    visibleEdgeIds = new Set();
    var shown = new Set();
    passing.forEach(function (e) {
      if (!focus || (focus.has(e.from) && focus.has(e.to))) {
        visibleEdgeIds.add(e.id); shown.add(e.from); shown.add(e.to);
      }
    });
    if (!state.focus) { isolated.forEach(function (id) { shown.add(id); }); }
    if (meta.center) { shown.add(meta.center); }
    if (state.focus) { shown.add(state.focus.id); }
    state.extra.forEach(function (id) { shown.add(id); });
    state.extraEdges.forEach(function (id) { visibleEdgeIds.add(id); });
    state.visibleNodes = shown;
    edgeView.refresh();
    nodeView.refresh();
    byId("status").textContent = shown.size + " of " + nodes.length + " actors, " +
      visibleEdgeIds.size + " of " + edges.length + " edges shown";
  }
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdgeIds.has(e.id); } });
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.visibleNodes.has(n.id); } });

  // ---- the network -----------------------------------------------------------
  var network = new vis.Network(byId("network"), {}, data.options);
  network.once("stabilizationIterationsDone", function () {
    // once laid out, actors stay where they are (and where the user drags them)
    network.setOptions({ physics: { enabled: false } });
    document.body.setAttribute("data-ready", "1");
  });
  // Dashes are costly to draw when zoomed far out (each line becomes thousands of
  // sub-pixel dashes), so large views draw reported-only edges dashed once zoomed in.
  var DASH_SCALE = 0.45;
  var dashedIds = meta.physics ? [] : edges.getIds({ filter: function (e) { return e.dashes; } });
  var dashesOn = true;
  function syncDashes() {
    var want = network.getScale() >= DASH_SCALE;
    if (want !== dashesOn && dashedIds.length) {
      dashesOn = want;
      edges.update(dashedIds.map(function (id) { return { id: id, dashes: want }; }));
    }
  }
  if (dashedIds.length) {
    dashesOn = false;
    edges.update(dashedIds.map(function (id) { return { id: id, dashes: false }; }));
    network.on("zoom", syncDashes);
  }
  apply();
  network.setData({ nodes: nodeView, edges: edgeView });
  if (!nodes.length) {
    var hint = document.querySelector("#details .hint");
    hint.textContent = meta.center ? "No edges around this actor match the view's filters." :
      "Nothing to draw yet: load documents (allegiance load FILES, or allegiance demo), or relax the filters in the address.";
  }
  if (!meta.physics || !nodes.length) {
    syncDashes();
    document.body.setAttribute("data-ready", "1");
  }

  // what is under the pointer, as text in the header (no HTML tooltips)
  var hover = byId("hover");
  network.on("hoverNode", function (p) {
    var n = nodes.get(p.node);
    hover.textContent = n ? n.name + " · " + n.kindLabel : "";
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    hover.textContent = e ? nameOf(e.from) + " " + relLabel(e) + " " + nameOf(e.to) + " · " +
      e.sources + " source(s)" + (e.reported_only ? " · reported only" : "") : "";
  });
  network.on("blurNode", function () { hover.textContent = ""; });
  network.on("blurEdge", function () { hover.textContent = ""; });

  network.on("click", function (params) {
    if (params.nodes.length) { showActor(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---- the details panel: an edge's evidence ----------------------------------
  var details = byId("details");
  function quoteBlock(item) {
    var q = el("blockquote");
    var at = 0;
    (item.marks || []).forEach(function (m) {
      if (m[0] > at) { q.appendChild(document.createTextNode(item.quote.slice(at, m[0]))); }
      q.appendChild(el("mark", { className: m[2], text: item.quote.slice(m[0], m[1]) }));
      at = m[1];
    });
    if (at < item.quote.length) { q.appendChild(document.createTextNode(item.quote.slice(at))); }
    return q;
  }
  function evidenceItem(item) {
    var s = item.source;
    var title = s.title || s.id.slice(0, 19) + "…";
    var titleNode = item.page_url ? el("a", { href: item.page_url, target: "_blank", rel: "noopener", text: title })
                                  : el("strong", { text: title });
    var metaLine = el("div", { className: "meta" }, [
      el("span", { className: "badge " + item.modality, text: item.modality }),
      titleNode,
      s.published ? " · " + s.published : " · undated",
      s.publisher ? " · " + s.publisher : null,
      item.attributed_to ? " · attributed to " + item.attributed_to : null,
      item.page ? " · p. " + item.page : null,
      " · confidence " + Number(item.confidence).toFixed(2),
      item.text_url ? " · " : null,
      item.text_url ? el("a", { href: item.text_url, target: "_blank", rel: "noopener", text: "text (JSON)" }) : null
    ]);
    var li = el("li", { "data-claim": item.claim }, [quoteBlock(item), metaLine]);
    if (s.url) {
      li.appendChild(el("div", { className: "meta" }, ["original: ", el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer", text: s.url })]));
    }
    if (item.before || item.after) {
      li.appendChild(el("details", { className: "context" }, [
        el("summary", { text: "context" }),
        "…" + item.before, el("span", { className: "quoted", text: item.quote }), item.after + "…"
      ]));
    }
    return li;
  }
  function evidenceList(items, className) {
    return el("ul", { className: "evidence " + (className || "") }, items.map(evidenceItem));
  }
  function evidenceUrl(edge, offset) {
    var q = new URLSearchParams({ subject: edge.from, relation: edge.relation, object: edge.to });
    if (offset) { q.set("offset", String(offset)); }
    return "/view/evidence?" + q.toString();
  }
  function fetchEvidence(edge, offset) {
    return fetch(evidenceUrl(edge, offset), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { throw new Error(res.body.detail || "request failed"); }
        return res.body;
      });
  }
  // The evidence comes a page at a time (oldest source first); "more" appends the
  // next page to the lists already shown. A written file embeds the first page only.
  function renderEvidence(edge, ev) {
    clear(details);
    details.appendChild(el("h3", {}, [
      ev.subject.name, " ", el("em", { text: ev.label }), " ", ev.object.name
    ]));
    var mods = Object.keys(edge.modalities || {}).map(function (m) { return m + " " + edge.modalities[m]; });
    details.appendChild(el("p", { className: "facts", text:
      edge.sources + " source(s), " + edge.claims + " claim(s)" +
      (edge.first_seen ? ", " + edge.first_seen + (edge.last_seen && edge.last_seen !== edge.first_seen ? " to " + edge.last_seen : "") : "") +
      (mods.length ? " · " + mods.join(", ") : "") }));
    var claims = ev.claims === undefined ? ev.supporting.length : ev.claims;
    var denials = ev.denials === undefined ? ev.counter.length : ev.denials;
    details.appendChild(el("h2", { text: "Evidence (" + claims + ")" }));
    var supporting = evidenceList([]);
    details.appendChild(supporting);
    var counterHead = el("h2", { text: "Denials: counter-evidence (" + denials + ")" });
    var counter = evidenceList([], "counter");
    details.appendChild(counterHead);
    details.appendChild(counter);
    var otherCount = el("span");
    var other = evidenceList([]);
    var otherBox = el("details", {}, [el("summary", {}, ["Recommendations and hypotheticals (", otherCount, "), not counted"]), other]);
    details.appendChild(otherBox);
    var footer = el("div", { className: "evidence-more" });
    details.appendChild(footer);
    var shown = { other: 0 };
    function add(page) {
      page.supporting.forEach(function (item) { supporting.appendChild(evidenceItem(item)); });
      page.counter.forEach(function (item) { counter.appendChild(evidenceItem(item)); });
      page.other.forEach(function (item) { other.appendChild(evidenceItem(item)); });
      shown.other += page.other.length;
      otherCount.textContent = String(shown.other) + (page.more ? "+" : "");
      counterHead.hidden = counter.hidden = !denials;
      otherBox.hidden = !shown.other;
      clear(footer);
      if (!page.more) { return; }
      var next = (page.offset || 0) + (page.limit || 0);
      var status = "Showing " + next + " of " + page.total + " claims; " + page.more + " more";
      if (fileMode) {
        footer.appendChild(el("p", { className: "hint", text: status +
          " not embedded in this file (open the served view to read them)." }));
        return;
      }
      var button = el("button", { type: "button", className: "more", text: "More evidence" });
      button.addEventListener("click", function () {
        button.disabled = true;
        button.textContent = "Loading…";
        fetchEvidence(edge, next).then(add).catch(function (err) {
          button.disabled = false;
          button.textContent = "More evidence";
          footer.appendChild(el("p", { className: "error", text: "Could not load more evidence: " + err.message }));
        });
      });
      footer.appendChild(el("p", { className: "hint", text: status + "." }));
      footer.appendChild(button);
    }
    add(ev);
  }
  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    clear(details);
    details.appendChild(el("p", { className: "hint", text: "Loading evidence…" }));
    if (fileMode) { renderEvidence(edge, data.evidence[id]); return; }
    fetchEvidence(edge, 0)
      .then(function (body) { renderEvidence(edge, body); })
      .catch(function (err) { clear(details); details.appendChild(el("p", { className: "error", text: "Could not load the evidence: " + err.message })); });
  }

  // ---- the details panel: an actor --------------------------------------------
  function centreHere(id) {
    if (fileMode) {
      state.focus = { id: id, depth: meta.depth || 1 };
      apply();
      network.fit({ nodes: Array.from(state.visibleNodes), animation: false });
      return;
    }
    var q = new URLSearchParams(window.location.search);
    q.set("center", id);
    if (!q.get("depth")) { q.set("depth", String(meta.depth || 1)); }
    window.location.search = q.toString();
  }
  function showActor(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    clear(details);
    details.appendChild(el("h3", { text: n.name }));
    details.appendChild(el("p", { className: "facts" }, [
      n.kindLabel, n.country ? " · " + n.country : null, n.wikidata ? " · " + n.wikidata : null
    ]));
    if (n.description) { details.appendChild(el("p", { text: n.description })); }
    if (n.aliases && n.aliases.length) {
      details.appendChild(el("h2", { text: "Also known as" }));
      details.appendChild(el("ul", { className: "aliases" }, n.aliases.map(function (a) { return el("li", { text: a }); })));
    }
    var c = n.counts || {};
    details.appendChild(el("h2", { text: "In this view" }));
    details.appendChild(el("p", { text: (c.edges || 0) + " edge(s): " + (c.out || 0) + " outgoing, " + (c["in"] || 0) +
      " incoming; " + (c.claims || 0) + " claim(s)" }));
    var centre = el("button", { type: "button", id: "centre-here", text: "Centre here" });
    centre.addEventListener("click", function () { centreHere(id); });
    var from = el("button", { type: "button", text: "Paths from here" });
    from.addEventListener("click", function () { byId("path-from").value = n.name; });
    var to = el("button", { type: "button", text: "Paths to here" });
    to.addEventListener("click", function () { byId("path-to").value = n.name; });
    details.appendChild(el("p", {}, [centre, " ", from, " ", to]));
    var list = el("ul", { className: "paths" });
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid);
      var li = el("li", { text: nameOf(e.from) + " " + relLabel(e) + " " + nameOf(e.to) + " (" + e.sources + ")" });
      li.addEventListener("click", function () { network.selectEdges([eid]); showEdge(eid); });
      list.appendChild(li);
    });
    if (list.childNodes.length) { details.appendChild(el("h2", { text: "Edges" })); details.appendChild(list); }
  }

  // ---- filters ---------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("input[name=relation]"), function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { state.relations.add(box.value); } else { state.relations.delete(box.value); }
      apply();
    });
  });
  byId("min-sources").addEventListener("input", function (ev) {
    var v = parseInt(ev.target.value, 10);
    state.minSources = isNaN(v) || v < 1 ? 1 : v;
    apply();
  });
  ["since", "until"].forEach(function (key) {
    byId(key).addEventListener("change", function (ev) { state[key] = ev.target.value || ""; apply(); });
  });
  byId("reset-filters").addEventListener("click", function () {
    state.relations = new Set(meta.relations);
    Array.prototype.forEach.call(document.querySelectorAll("input[name=relation]"), function (box) {
      box.checked = state.relations.has(box.value);
    });
    state.minSources = meta.min_sources || 1; byId("min-sources").value = String(state.minSources);
    state.since = meta.since || ""; byId("since").value = state.since;
    state.until = meta.until || ""; byId("until").value = state.until;
    state.focus = null;
    apply();
  });
  if (!meta.exactDates) {
    byId("date-hint").textContent = "This view is large: the date filter keeps edges whose sources span the range.";
  }

  // ---- paths -----------------------------------------------------------------
  var names = byId("actor-names");
  nodes.forEach(function (n) { var o = document.createElement("option"); o.value = n.name; names.appendChild(o); });
  function idForName(text) {
    var t = text.trim().toLowerCase();
    var hit = nodes.get({ filter: function (n) { return n.id.toLowerCase() === t || n.name.toLowerCase() === t; } });
    return hit.length ? hit[0].id : null;
  }
  function localPaths(a, b, maxHops) {
    // shortest paths over the edges now shown, walking either direction
    var adj = {};
    edges.get({ filter: function (e) { return visibleEdgeIds.has(e.id); } }).forEach(function (e) {
      (adj[e.from] = adj[e.from] || []).push([e.to, e.id]);
      (adj[e.to] = adj[e.to] || []).push([e.from, e.id]);
    });
    var dist = {}; dist[a] = 0;
    var queue = [a];
    while (queue.length) {
      var n = queue.shift();
      if (dist[n] >= maxHops) { continue; }
      (adj[n] || []).forEach(function (pair) {
        if (!(pair[0] in dist)) { dist[pair[0]] = dist[n] + 1; queue.push(pair[0]); }
      });
    }
    if (!(b in dist)) { return []; }
    var found = [];
    (function walk(n, actors, hops) {
      if (found.length >= 10) { return; }
      if (n === a) { found.push({ actors: actors.slice().reverse(), edges: hops.slice().reverse() }); return; }
      (adj[n] || []).forEach(function (pair) {
        if (dist[pair[0]] === dist[n] - 1) {
          walk(pair[0], actors.concat([pair[0]]), hops.concat([pair[1]]));
        }
      });
    })(b, [b], []);
    return found;
  }
  function showPaths(result, fromName, toName) {
    clear(details);
    details.appendChild(el("h3", { text: "Paths from " + fromName + " to " + toName }));
    if (!result.length) {
      details.appendChild(el("p", { text: "No path within the chosen number of hops." }));
      network.unselectAll();
      return;
    }
    var allNodes = new Set(), allEdges = new Set();
    var list = el("ol", { className: "paths" });
    result.forEach(function (p) {
      p.actors.forEach(function (x) { allNodes.add(x); });
      p.edges.forEach(function (x) { allEdges.add(x); });
      var parts = [];
      p.actors.forEach(function (x, i) {
        parts.push(nameOf(x));
        if (i < p.edges.length) {
          var e = edges.get(p.edges[i]);
          parts.push(e ? (e.from === x ? " —" + relLabel(e) + "→ " : " ←" + relLabel(e) + "— ") : " ? ");
        }
      });
      var li = el("li", { text: parts.join("") });
      li.addEventListener("click", function () { network.setSelection({ nodes: p.actors, edges: p.edges }, { highlightEdges: false }); });
      list.appendChild(li);
    });
    details.appendChild(list);
    network.setSelection({ nodes: Array.from(allNodes), edges: Array.from(allEdges) }, { highlightEdges: false });
    network.fit({ nodes: Array.from(allNodes), animation: false });
    document.body.setAttribute("data-paths", String(result.length));
  }
  byId("find-paths").addEventListener("click", function () {
    var fromText = byId("path-from").value, toText = byId("path-to").value;
    var hops = parseInt(byId("path-hops").value, 10);
    var a = idForName(fromText), b = idForName(toText);
    if (fileMode) {
      if (!a || !b) { clear(details); details.appendChild(el("p", { className: "error", text: "Choose two actors shown in this view." })); return; }
      showPaths(localPaths(a, b, hops), nameOf(a), nameOf(b));
      return;
    }
    var q = new URLSearchParams({ "from": a || fromText, to: b || toText, max_hops: String(hops), min_sources: String(state.minSources) });
    state.relations.forEach(function (r) { q.append("relations", r); });
    fetch("/view/paths?" + q.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { throw new Error(res.body.detail || "request failed"); }
        var body = res.body;
        nodes.update(body.nodes.filter(function (n) { return !nodes.get(n.id); }));
        edges.update(body.edges.filter(function (e) { return !edges.get(e.id); }));
        body.nodes.forEach(function (n) { state.extra.add(n.id); });
        body.edges.forEach(function (e) { state.extraEdges.add(e.id); });
        apply();
        showPaths(body.paths, body.fromName, body.toName);
      })
      .catch(function (err) { clear(details); details.appendChild(el("p", { className: "error", text: "Could not find paths: " + err.message })); });
  });
  byId("clear-paths").addEventListener("click", function () {
    state.extra = new Set(); state.extraEdges = new Set(); network.unselectAll(); apply();
    document.body.removeAttribute("data-paths");
  });

  // for tests and the console: read-only handles on what is drawn
  window.allegianceView = {
    network: network, nodes: nodes, edges: edges,
    shownNodeIds: function () { return nodeView.getIds(); },
    shownEdgeIds: function () { return edgeView.getIds(); },
    showEdge: showEdge, showActor: showActor
  };
})();
