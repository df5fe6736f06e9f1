// The case file in the browser: a registration corrected (the phone typed wrong), refused with the
// intake's message when the new value is wrong; an internal note and a reply from a template; the
// timeline filtered to notes or to what the customer was told; the list finds the corrected phone;
// the printed case file holds what was written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, widgets, click, frames, waitForWidget, waitForAny } from './browser.js';
import { typeInto, choose, registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const ids = async (page) => (await widgets(page)).map((w) => w.id);
// The timeline's entries as they are shown: "内部备注  吴婷" …
const entries = async (page) =>
  (await widgets(page)).filter((w) => /^event_\d+$/.test(w.id)).map((w) => w.label.replace(/##.*/, ''));

async function replaceText(page, id, text) {
  await click(page, id);
  await waitForWidget(page, id, (w) => w.focused === true);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await waitForWidget(page, id, (w) => w.value === text);
}

test('a mistyped phone is corrected with a reason, a wrong one is refused as at intake, and the list follows', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await click(page, 'amend');
  await waitForWidget(page, 'amend_phone', (w) => w.value === '13800138000');
  await replaceText(page, 'amend_phone', '1390013');
  await click(page, 'amend_submit');
  await waitForWidget(page, 'field_error_customer_phone', () => true);
  await waitForWidget(page, 'field_error_reason', () => true);
  await page.screenshot({ path: '/tmp/tousu-amend-refused.png' });

  await replaceText(page, 'amend_phone', '139 0013 9000');
  await typeInto(page, 'amend_reason', '登记时把号码听错了');
  await click(page, 'amend_submit');
  await waitForWidget(page, 'action_recorded', (w) => w.label.includes('更正登记信息'));
  await waitForWidget(page, 'customer_line', (w) => w.label.includes('13900139000'));
  assert.ok(!(await ids(page)).includes('amend_submit'), 'the form closes once recorded');
  assert.equal((await entries(page))[0].split('  ')[0], '更正登记信息');
  await page.screenshot({ path: '/tmp/tousu-amended.png' });

  await click(page, 'case_list');
  await typeInto(page, 'search', '13900139000');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  await replaceText(page, 'search', '13800138000');
  await frames(page, 3);
  assert.ok(!(await ids(page)).some((id) => id.startsWith('case_TS-')), 'the old phone finds nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a note and a reply from a template are written in any state, and the timeline filters them', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await click(page, 'note');
  await typeInto(page, 'form_note', '客户只在下午接电话');
  await click(page, 'submit');
  await waitForWidget(page, 'action_recorded', (w) => w.label.includes('内部备注'));

  await click(page, 'message');
  await choose(page, 'message_template', 'message_template_progress');
  await waitForWidget(page, 'form_message_text', (w) => /正在处理中/.test(w.value ?? '') && /王芳/.test(w.value));
  await choose(page, 'contact_method', 'contact_method_sms');
  await click(page, 'submit');
  await waitForWidget(page, 'action_recorded', (w) => w.label.includes('答复客户'));
  await waitForWidget(page, 'confirm', () => true); // still to be confirmed: nothing moved the case

  assert.deepEqual((await entries(page)).map((e) => e.split('  ')[0]), ['答复客户', '内部备注', '登记']);
  await click(page, 'timeline_notes');
  await frames(page, 3);
  assert.deepEqual((await entries(page)).map((e) => e.split('  ')[0]), ['内部备注']);
  await click(page, 'timeline_messages');
  await frames(page, 3);
  assert.deepEqual((await entries(page)).map((e) => e.split('  ')[0]), ['答复客户']);
  await click(page, 'timeline_steps');
  await frames(page, 3);
  assert.deepEqual((await entries(page)).map((e) => e.split('  ')[0]), ['登记']);
  await page.screenshot({ path: '/tmp/tousu-case-file.png' });

  // The printed file holds both, the note marked internal.
  const download = page.waitForEvent('download');
  await click(page, 'print_case');
  const file = await download;
  assert.match(file.suggestedFilename(), /^投诉处理单-TS-HQ-\d{8}-0001\.html$/);
  const printed = fs.readFileSync(await file.path(), 'utf8');
  assert.match(printed, /<td>内部备注 <span class="internal">\(内部\)<\/span><\/td><td>[^<]+<\/td><td>客户只在下午接电话<\/td>/);
  assert.match(printed, /<td>答复客户<\/td><td>[^<]+<\/td><td>方式：短信<br>王芳您好[^<]*正在处理中/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the customer record lists every complaint of the customer, names the one repeated, and opens each', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await registerComplaint(page, '宽带又断了，上次没修好'); // the same phone: a repeat
  await waitForWidget(page, 'repeat_of', (w) => /-0001##repeat_of$/.test(w.label));
  await click(page, 'customer_record');
  await waitForWidget(page, 'customer_total', (w) => w.label.startsWith('共投诉 2 次'));
  const rows = (await widgets(page)).filter((w) => w.id.startsWith('customer_case_')).map((w) => w.id);
  assert.equal(rows.length, 2);
  assert.ok(rows[0].endsWith('-0002') && rows[1].endsWith('-0001'), 'newest first');
  await page.screenshot({ path: '/tmp/tousu-customer-record.png' });
  await click(page, rows[1]);
  await waitForWidget(page, 'customer_line', () => true);
  assert.ok(!(await ids(page)).includes('repeat_of'), 'the first complaint repeats none');

  // Intake offers the record as soon as the phone is known.
  await click(page, 'new_case');
  await click(page, 'customer_phone');
  await page.keyboard.type('13800138000');
  await click(page, 'intake_customer_record');
  await waitForWidget(page, 'customer_total', (w) => w.label.startsWith('共投诉 2 次'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('cases ticked in the list, one and a Shift range, are exported as one bundle and printed on one page', async () => {
  const { context, page, errors } = await openApp(env);
  for (const text of ['宽带断网', '话费多扣', '营业厅态度差']) await registerComplaint(page, text);
  await click(page, 'case_list');
  const rows = async () => (await widgets(page)).filter((w) => /^select_TS-/.test(w.id)).map((w) => w.id);
  await waitForAny(page, (w) => /^select_TS-/.test(w.id));
  const boxes = await rows();
  assert.equal(boxes.length, 3);
  await click(page, boxes[0]); // the newest
  await waitForWidget(page, 'selection_count', (w) => w.label.startsWith('已选 1 件'));
  await page.keyboard.down('Shift');
  await click(page, boxes[1]);
  await page.keyboard.up('Shift');
  await waitForWidget(page, 'selection_count', (w) => w.label.startsWith('已选 2 件'));
  await page.screenshot({ path: '/tmp/tousu-selection.png' });
  const chosen = boxes.slice(0, 2).map((id) => id.slice('select_'.length));

  await click(page, 'selection_bundle');
  await waitForWidget(page, 'export_selected_only', (w) => w.label.includes('2 件'));
  const download = page.waitForEvent('download');
  await click(page, 'export_go');
  const bundle = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  const numbers = bundle.events.filter((e) => e.type === 'register').map((e) => e.payload.number).sort();
  assert.deepEqual(numbers, [...chosen].sort());
  await click(page, 'sync_close');

  const printed = page.waitForEvent('download');
  await click(page, 'selection_print');
  const file = await printed;
  assert.match(file.suggestedFilename(), /^投诉处理单-2件\.html$/);
  const html = fs.readFileSync(await file.path(), 'utf8');
  assert.equal((html.match(/<section>/g) || []).length, 2);
  for (const n of chosen) assert.ok(html.includes(`<td>${n}</td>`), n);
  await click(page, 'selection_clear');
  await waitForWidget(page, 'selection_count', (w) => w.label.startsWith('已选 0 件'));
  assert.deepEqual(errors, []);
  await context.close();
});
