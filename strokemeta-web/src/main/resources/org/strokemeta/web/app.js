let lastKind = null;   // the kind of the last analysis shown (the report button follows it)
const $ = id => document.getElementById(id);
let last = null;
function text(s){const d=document.createElement('div');d.textContent=s==null?'':String(s);return d.innerHTML;}
function fmt(x,d){return x==null||isNaN(x)?'NA':Number(x).toFixed(d);}
// the analysis scales of docs/json-schema.md: the name of the back-transformed values, and the scale in words
const SCALES = {log:['exp','log'], logit:['ilogit','logit'], arcsine:['iarcsin','arcsine'], double_arcsine:['ipft_hm','double arcsine'],
  sqrt:['isqrt','square root'], freeman_tukey:['iirft','Freeman-Tukey'], fisher_z:['ztor',"Fisher's z"]};
function ratio(log,lo,hi){return fmt(Math.exp(log),3)+' ['+fmt(Math.exp(lo),3)+', '+fmt(Math.exp(hi),3)+']';}
async function examples(){
  const r = await fetch('/api/examples'); const list = await r.json();
  for (const e of list) { const o=document.createElement('option'); o.value=e.name; o.textContent=e.name+' — '+e.description; $('example').appendChild(o); }
  $('example').value = 'bcg'; analyse();
}
function formData(){
  const fd = new FormData();
  const f = $('file').files[0];
  if (f) fd.append('file', f); else fd.append('example', $('example').value);
  for (const k of ['measure','model','tau2','tau2_value','weights','ci','subgroup','cluster','robust','sort','covariates','ipd_model','scale','outcome','formula','family','link','tau_prior','mu_prior','prob_above','tsa_control_risk','tsa_rrr','tsa_mean_difference','tsa_sd','tsa_cor','tsa_power','tsa_heterogeneity','glmm','random','struct','within_rho','sheet','analysis']) if ($(k).value !== '') fd.append(k, $(k).value);
  fd.append('tsa_futility', $('tsa_futility').checked ? 'true' : 'false');
  return fd;
}
function download(name, type, content){
  const a=document.createElement('a'); a.href=URL.createObjectURL(new Blob([content],{type})); a.download=name; a.textContent=name; return a;
}
function pngLink(name, svg){
  // the figure drawn on a canvas at twice its size, saved as PNG when the link is used
  const a=document.createElement('a'); a.href='#'; a.textContent=name+'.png';
  a.addEventListener('click', ev => {
    ev.preventDefault();
    const img = new Image();
    img.onload = () => {
      const c=document.createElement('canvas'); c.width=img.width*2; c.height=img.height*2;
      const g=c.getContext('2d'); g.fillStyle='#fff'; g.fillRect(0,0,c.width,c.height); g.drawImage(img,0,0,c.width,c.height);
      c.toBlob(b => { const l=document.createElement('a'); l.href=URL.createObjectURL(b); l.download=name+'.png'; l.click(); });
    };
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  });
  return a;
}
async function analyse(){
  $('error').textContent=''; $('run').disabled=true;
  try {
    const r = await fetch('/api/analyze', {method:'POST', body: formData()});
    const j = await r.json();
    if (!r.ok) { $('error').textContent = j.error; return; }
    last = j; show(j);
  } catch (e) { $('error').textContent = 'The server did not answer: ' + e; }
  finally { $('run').disabled=false; }
}
function notes(list){
  // what was left out, reinterpreted or warned about while reading and analysing: never hidden
  if (!list || !list.length) { $('notes').innerHTML=''; return; }
  let t = '<h3>Notes</h3><ul>';
  for (const n of list) t += '<li>' + (n.line ? 'line ' + n.line + ': ' : '') + (n.study ? text(n.study) + ': ' : '') + text(n.message) + '</li>';
  $('notes').innerHTML = t + '</ul>';
}
// the ordinal model's full output: coefficients (model scale: positive = worse), cut-points with SEs, fit statistics
function modelDetails(s){
  if (!s || !s.converged) return '';
  let t = '<details><summary>Model details: log-likelihood '+fmt(s.loglik,3)+', AIC '+fmt(s.aic,2)+' ('+s.parameters+' parameters)</summary>'
    + '<table><thead><tr><th>Coefficient</th><th>Estimate</th><th>SE</th><th>z</th><th>p</th></tr></thead><tbody>';
  for (const c of s.coefficients) t += '<tr><td>'+text(c.name)+'</td><td>'+fmt(c.estimate,4)+'</td><td>'+fmt(c.se,4)+'</td><td>'+fmt(c.z,2)+'</td><td>'+fmt(c.p,4)+'</td></tr>';
  t += '</tbody></table><table><thead><tr><th>Trial</th><th>Cut-point</th><th>Estimate</th><th>SE</th></tr></thead><tbody>';
  for (const c of (s.cut_points||[])) t += '<tr><td>'+text(c.stratum==null?'common':c.stratum)+'</td><td>'+text(c.name)+'</td><td>'+fmt(c.estimate,4)+'</td><td>'+fmt(c.se,4)+'</td></tr>';
  return t + '</tbody></table></details>';
}
// the general mixed model of the formula field: VarCorr and the fixed effects, as summary() of clmm and glmer
function mixedDetails(m){
  if (!m) return '';
  let t = '<h3>Mixed model: ' + text(m.formula) + '</h3><p>' + text(m.method) + '; ' + m.rows + ' rows; log-likelihood ' + fmt(m.loglik,3)
    + ', AIC ' + fmt(m.aic,2) + (m.converged ? '' : '; NOT CONVERGED: ' + text(m.message)) + '</p>'
    + '<table><thead><tr><th>Group</th><th>Effect</th><th>SD</th></tr></thead><tbody>';
  for (const r of m.random_effects) r.effects.forEach((e, i) => { t += '<tr><td>'+(i ? '' : text(r.group)+' ('+r.levels+')')+'</td><td>'+text(e)+'</td><td>'+fmt(r.sd[i],4)+'</td></tr>'; });
  t += '</tbody></table><table><thead><tr><th>Fixed effect</th><th>Estimate</th><th>SE</th><th>z</th><th>p</th><th>95% CI</th></tr></thead><tbody>';
  for (const c of (m.intercept||[]).concat(m.coefficients)) t += '<tr><td>'+text(c.name)+'</td><td>'+fmt(c.estimate,4)+'</td><td>'+fmt(c.se,4)+'</td><td>'+fmt(c.z,2)+'</td><td>'+fmt(c.p,4)+'</td><td>'+fmt(c.ci_lower,3)+' to '+fmt(c.ci_upper,3)+'</td></tr>';
  t += '</tbody></table>';
  if (m.notes && m.notes.length) { t += '<ul>'; for (const n of m.notes) t += '<li>' + (n.line ? 'line ' + n.line + ': ' : '') + text(n.message) + '</li>'; t += '</ul>'; }
  return t;
}
// one line of the Bayesian analysis: the posterior median and credible interval of mu, tau and the exceedance probabilities
function bayesLine(b){
  const r = b.ratio_scale; const m = b.mu; const pct = Math.round(100*b.level) + '%';
  let t = 'Bayesian: ' + (r ? 'median ' + fmt(r.mu.median,3) + ' (' + pct + ' CrI ' + fmt(r.mu.ci_lower,3) + ' to ' + fmt(r.mu.ci_upper,3) + ')'
    : 'median ' + fmt(m.median,3) + ' (' + pct + ' CrI ' + fmt(m.ci_lower,3) + ' to ' + fmt(m.ci_upper,3) + ')')
    + ', tau median ' + fmt(b.tau.median,3);
  for (const e of b.exceedance) t += '; P(' + (r ? 'ratio > ' + fmt(e.threshold_ratio,2) : 'effect > ' + fmt(e.threshold,3)) + ') = ' + fmt(e.probability,3);
  return t + ' [' + b.tau_prior.description + ']';
}
function tsaLine(s){
  const last = s.looks[s.looks.length-1];
  return 'Trial sequential analysis: required information size ' + Math.ceil(s.ris) + ' patients; ' + Math.round(100*last.information_fraction)
    + '% reached; ' + (s.crossed ? 'the monitoring boundary was crossed after trial ' + s.crossed_at : (s.futility_crossed ? 'futility reached after trial ' + s.futility_crossed_at : 'no boundary crossed'));
}
function show(j){
  lastKind = j.kind;
  for (const k of ['forest','grotta','funnel','baujat','radial','bayes_posterior','bayes_forest','tsa','network_graph','network_forest']) $(k).innerHTML = j.figures[k] || '';
  $('bayes').textContent = j.bayes ? bayesLine(j.bayes) : '';
  $('tsa-summary').textContent = j.tsa ? tsaLine(j.tsa) : '';
  $('glmm-summary').textContent = j.glmm ? 'Logistic mixed model (' + j.glmm.model + '): odds ratio ' + ratio(j.glmm.estimate, j.glmm.ci_lower, j.glmm.ci_upper)
    + ', tau² = ' + fmt(j.glmm.tau2,4) + '; heterogeneity LRT ' + fmt(j.glmm.qe_lrt,2) + ' (df ' + j.glmm.qe_df + ', p = ' + fmt(j.glmm.qe_lrt_p,4) + ')' : '';
  $('multilevel-summary').textContent = j.multilevel ? 'Multilevel model (' + j.multilevel.options.levels.join('/') + '): estimate ' + fmt(j.multilevel.coefficients[0].estimate,4)
    + ' [' + fmt(j.multilevel.coefficients[0].ci_lower,4) + ', ' + fmt(j.multilevel.coefficients[0].ci_upper,4) + '], sigma² = ' + j.multilevel.sigma2.map(v => fmt(v,4)).join(', ') : '';
  const mv = j.multivariate;
  $('multivariate-summary').textContent = mv ? 'Multivariate model (' + mv.struct + (mv.within_rho != null ? ', within-trial correlation ' + mv.within_rho : '') + '; '
    + mv.k + ' effects in ' + mv.studies + ' trials): ' + mv.coefficients.map(c => c.name + ' ' + fmt(c.estimate,4) + ' [' + fmt(c.ci_lower,4) + ', ' + fmt(c.ci_upper,4) + ']').join('; ')
    + '; tau² = ' + mv.tau2.map(v => fmt(v,4)).join(', ') + (mv.rho.length ? ', rho = ' + mv.rho.map(v => fmt(v,3)).join(', ') : '') : '';
  notes(j.kind === 'meta' ? j.result.results[0].notes : j.result.notes);
  const dl = $('downloads'); dl.innerHTML='';
  dl.appendChild(download('result.json','application/json',JSON.stringify(j.result,null,2)));
  if (j.bayes) dl.appendChild(download('bayes.json','application/json',JSON.stringify(j.bayes,null,2)));
  if (j.tsa) dl.appendChild(download('tsa.json','application/json',JSON.stringify(j.tsa,null,2)));
  if (j.glmm) dl.appendChild(download('glmm.json','application/json',JSON.stringify(j.glmm,null,2)));
  if (j.multilevel) dl.appendChild(download('multilevel.json','application/json',JSON.stringify(j.multilevel,null,2)));
  if (mv) dl.appendChild(download('multivariate.json','application/json',JSON.stringify(mv,null,2)));
  for (const k of ['forest','grotta','funnel','baujat','radial','bayes_posterior','bayes_forest','tsa','network_graph','network_forest']) if (j.figures[k]) {
    dl.appendChild(download(k+'.svg','image/svg+xml',j.figures[k]));
    dl.appendChild(pngLink(k, j.figures[k]));
  }
  if (j.kind === 'ipd') {
    const s = j.result.adjusted || j.result.unadjusted; const e = s;
    $('summary').textContent = (j.result.adjusted ? 'Adjusted' : 'Unadjusted') + ' common odds ratio: ' + ratio(e.log_cor, e.ci_lower, e.ci_upper)
      + ' (' + j.result.patients + ' patients in ' + j.result.trials.length + ' trials)';
    $('heterogeneity').textContent = s.method;
    let t = '<table><thead><tr><th>Outcome</th><th>Treatment</th><th>Control</th><th>Odds ratio</th></tr></thead><tbody>';
    for (const b of j.result.binary) t += '<tr><td>'+text(b.event)+'</td><td>'+b.events_treatment+'/'+b.patients_treatment+'</td><td>'+b.events_control+'/'+b.patients_control
      +'</td><td>'+(b.log_or && b.log_or.estimate!=null ? ratio(b.log_or.estimate,b.log_or.ci_lower,b.log_or.ci_upper) : 'not estimable')+'</td></tr>';
    $('studies').innerHTML = t + '</tbody></table>' + modelDetails(s) + mixedDetails(j.mixed);
    if (j.mixed) dl.appendChild(download('mixed.json','application/json',JSON.stringify(j.mixed,null,2)));
    return;
  }
  if (j.kind === 'network') {
    const n = j.result; const log = n.measure === 'OR' || n.measure === 'cOR';
    $('summary').textContent = 'Network of ' + n.treatments.length + ' treatments in ' + n.studies + ' trials (' + n.k_contrasts + ' contrasts), against ' + n.reference
      + (n.measure === 'cOR' ? ': common odds ratios of a better mRS' : log ? ': odds ratios' : '');
    const inc = n.inconsistency;
    $('heterogeneity').textContent = (n.model === 'random' ? 'τ² = ' + fmt(n.tau2,4) + '; ' : '') + 'Q = ' + fmt(n.qe,2) + ' (df ' + n.qe_df + ')'
      + (inc ? '; inconsistency between designs Q = ' + fmt(inc.q_between_designs,2) + ' (df ' + inc.q_between_designs_df + ', p = ' + fmt(inc.q_between_designs_p,4) + ')' : '');
    const rk = {}; for (const r of n.ranking) rk[r.treatment] = r;
    const sucra = x => rk[x].sucra != null ? '</td><td>' + fmt(rk[x].sucra,3) + '</td><td>' + fmt(rk[x].mean_rank,2) : '';
    const est = (e,lo,hi) => log ? ratio(e,lo,hi) : fmt(e,3)+' ['+fmt(lo,3)+', '+fmt(hi,3)+']';
    let t = '<table><thead><tr><th>Treatment</th><th>Against ' + text(n.reference) + '</th><th>P-score</th>'
      + (n.rank_draws ? '<th>SUCRA</th><th>Mean rank</th>' : '') + '</tr></thead><tbody>';
    t += '<tr><td>' + text(n.reference) + '</td><td>reference</td><td>' + fmt(rk[n.reference].p_score,3) + sucra(n.reference) + '</td></tr>';
    for (const c of n.relative_effects) t += '<tr><td>'+text(c.name)+'</td><td>'+est(c.estimate,c.ci_lower,c.ci_upper)
      +'</td><td>'+fmt(rk[c.name].p_score,3)+sucra(c.name)+'</td></tr>';
    t += '</tbody></table>';
    if (n.rank_draws) t += '<p>SUCRA and mean ranks from ' + n.rank_draws.simulations + ' draws (seed ' + n.rank_draws.seed + ').</p>';
    if (n.node_split && n.node_split.length) {
      t += '<h3>Node splitting: direct against indirect evidence</h3><table><thead><tr><th>Comparison</th><th>Trials</th><th>Network</th><th>Direct</th>'
        + '<th>Indirect</th><th>p (difference)</th></tr></thead><tbody>';
      for (const x of n.node_split) t += '<tr><td>' + text(x.treat1) + ' vs ' + text(x.treat2) + '</td><td>' + x.studies + '</td><td>'
        + est(x.network,x.network_ci_lower,x.network_ci_upper) + '</td><td>'
        + est(x.direct,x.direct_ci_lower,x.direct_ci_upper) + '</td><td>' + est(x.indirect,x.indirect_ci_lower,x.indirect_ci_upper) + '</td><td>' + fmt(x.p,4) + '</td></tr>';
      t += '</tbody></table>';
    }
    if (n.direct_only && n.direct_only.length) t += '<p>Direct evidence only (not split): ' + n.direct_only.map(x => text(x.treat1) + ' vs ' + text(x.treat2)).join('; ') + '.</p>';
    $('studies').innerHTML = t;
    $('notes').innerHTML = n.notes.length ? '<h3>Notes</h3><ul>' + n.notes.map(x => '<li>' + text(x) + '</li>').join('') + '</ul>' : '';
    return;
  }
  if (j.kind === 'shift') {
    const e = j.result.common_odds_ratio;
    $('summary').textContent = 'Pooled common odds ratio: ' + ratio(e.log_cor, e.ci_lower, e.ci_upper);
    $('heterogeneity').textContent = '';
    $('studies').innerHTML = '';
    return;
  }
  const a = j.result.results[0]; const p = a.pooled; const h = a.heterogeneity; const log = a.scale === 'log';
  // measures analysed on another scale carry their pooled values on the natural scale under the name of the back-transformation
  const back = SCALES[a.scale]; const nat = back && !log ? p[back[0]] : null;
  $('summary').textContent = 'Pooled ' + (a.measure==='RATIO' ? 'ratio' : (a.measure||'')) + (back ? ' (analysed on the ' + back[1] + ' scale)' : '') + ': ' + (log ? ratio(p.estimate,p.ci_lower,p.ci_upper) : nat ? fmt(nat.estimate,3)+' ['+fmt(nat.ci_lower,3)+', '+fmt(nat.ci_upper,3)+']' : fmt(p.estimate,3)+' ['+fmt(p.ci_lower,3)+', '+fmt(p.ci_upper,3)+']') + ' (k = ' + a.k + ')';
  $('heterogeneity').textContent = 'I² = ' + fmt(h.i2,1) + '%, τ² = ' + fmt(h.tau2,4) + ', Q = ' + fmt(h.q,2);
  const rb = a.robust;
  if (rb) { const c = rb.coefficients[0]; $('heterogeneity').textContent += '; cluster-robust (' + rb.method + ', ' + rb.clusters + ' clusters): ' + (log ? ratio(c.estimate,c.ci_lower,c.ci_upper) : fmt(c.estimate,3)+' ['+fmt(c.ci_lower,3)+', '+fmt(c.ci_upper,3)+']') + ', p = ' + fmt(c.p,4) + ' (t, ' + fmt(c.df,1) + ' df)'; }
  let t = '<table><thead><tr><th>Study</th><th>Estimate</th><th>Weight</th></tr></thead><tbody>';
  for (const s of a.studies) t += '<tr><td>'+text(s.study)+'</td><td>'+fmt(log?Math.exp(s.yi):back&&s[back[0]]?s[back[0]].estimate:s.yi,3)+'</td><td>'+fmt(s.weight,1)+'%</td></tr>';
  $('studies').innerHTML = t + '</tbody></table>';
}
$('form').addEventListener('submit', ev => { ev.preventDefault(); analyse(); });
for (const k of ['example','measure','model','tau2','ci','sort','ipd_model','scale','outcome','family','link','tsa_heterogeneity','glmm']) $(k).addEventListener('change', () => { if (k==='example') $('file').value=''; analyse(); });
$('file').addEventListener('change', () => { if ($('file').files.length) analyse(); });
$('report').addEventListener('click', async () => {
  $('error').textContent='';
  const fd = new FormData(); const f = $('file').files[0]; if (f) fd.append('file', f);
  if (f && $('sheet').value) fd.append('sheet', $('sheet').value);
  if ($('skip_missing').checked) fd.append('skip_missing', 'true');
  // a network file gets the network report with the page's model, tau² method and direction
  const network = lastKind === 'network';
  if (network) {
    if (!f && $('example').value) fd.append('example', $('example').value);
    for (const k of ['model','tau2','outcome','level']) if ($(k) && $(k).value) fd.append(k, $(k).value);
  }
  const r = await fetch('/api/report', {method:'POST', body: fd});
  if (!r.ok) { $('error').textContent = (await r.json()).error; return; }
  const html = await r.text(); const a = download(network ? 'strokemeta-network.html' : 'strokemeta-report.html','text/html',html); a.id='report-link';
  $('downloads').appendChild(a); a.click();
});
$('revman').addEventListener('click', async () => {
  $('error').textContent='';
  const r = await fetch('/api/revman', {method:'POST', body: formData()});
  if (!r.ok) { $('error').textContent = (await r.json()).error; return; }
  // what RevMan computes differently from the page's settings (for example tau² by DerSimonian-Laird) is said, never hidden
  const said = r.headers.get('X-Strokemeta-Notes');
  const xml = await r.text(); const a = download('strokemeta-review.rm5','application/xml',xml); a.id='revman-link';
  $('downloads').appendChild(a);
  if (said) { const p=document.createElement('p'); p.id='revman-notes'; p.textContent='RevMan review: ' + decodeURIComponent(said).split('\n').join('; '); $('downloads').appendChild(p); }
  a.click();
});
$('published').addEventListener('click', async () => {
  $('error').textContent='';
  const fd = new FormData(); const j = $('judgments').files[0]; if (j) fd.append('file', j);
  if ($('published_bayes').checked) fd.append('bayes', 'turner');
  if ($('published_tsa').checked) fd.append('tsa', 'true');
  const r = await fetch('/api/published', {method:'POST', body: fd});
  if (!r.ok) { $('error').textContent = (await r.json()).error; return; }
  const html = await r.text(); const a = download('strokemeta-published.html','text/html',html); a.id='published-link';
  $('downloads').appendChild(a); a.click();
});
examples();
