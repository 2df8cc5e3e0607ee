// The headless Modeler both apply.mjs and upgrade.mjs drive: bpmn-js with the Camunda 8
// element-templates core (its commands, conditional behavior and template registry) and the
// camunda-cloud behaviors, as Desktop Modeler wires them. Import after lib/dom.mjs.
import { createHash } from 'node:crypto';
import Modeler from 'bpmn-js/lib/Modeler';
import { CloudElementTemplatesCoreModule } from 'bpmn-js-element-templates/core';
import CamundaCloudBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

export const DEFAULT_PLATFORM_VERSION = '8.8.0';

// The editor's label link (a line from a selected element to its external label) measures SVG
// paths jsdom cannot compute; replacing an event (a template that adds a message event
// definition) selects it and would crash. It draws nothing that ends up in the XML.
const NoLabelLink = { labelLink: [ 'value', {} ] };

/** A Modeler with `xml` imported, its templates offered as Modeler would for the diagram's platform. */
export async function openModeler(xml, templates, platformVersion) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const modeler = new Modeler({
    container,
    additionalModules: [ CloudElementTemplatesCoreModule, CamundaCloudBehaviorsModule, NoLabelLink ],
    moddleExtensions: { zeebe: zeebeModdle }
  });
  await modeler.importXML(xml);

  // Modeler only offers templates whose engines range matches the diagram's platform version.
  const version = platformVersion ||
    modeler.getDefinitions().get('modeler:executionPlatformVersion') || DEFAULT_PLATFORM_VERSION;
  const elementTemplates = modeler.get('elementTemplates');
  elementTemplates.setEngines({ camunda: version });
  elementTemplates.set(templates);
  return { modeler, elementTemplates, platformVersion: version };
}

/**
 * Name every shape after its element: replacing a bpmn:Task by a bpmn:ServiceTask gives its
 * shape a random id (and a message event definition a template adds gets one too), and the same
 * input must always give the same file (examples are committed).
 */
export async function saveStableXml(modeler) {
  for (const element of modeler.get('elementRegistry').getAll()) {
    const di = element.di;
    if (di && element.businessObject?.id && !element.labelTarget) {
      di.id = `${element.businessObject.id}_di`;
    }
    // an event definition a template added (message throw event) has a random id too
    for (const definition of element.labelTarget ? [] : element.businessObject?.eventDefinitions || []) {
      const type = definition.$type.replace('bpmn:', '');
      if (new RegExp(`^${type}_[0-9a-z]{7}$`).test(definition.id)) definition.id = `${element.businessObject.id}_${type}`;
    }
  }
  // an inbound template's message gets a random id and a random UUID name (generatedValue): name
  // both after the element that references it; the name stays a UUID, unique per element
  for (const element of modeler.get('elementRegistry').getAll()) {
    const bo = element.businessObject;
    if (element.labelTarget || !bo?.id) continue;
    for (const definition of bo.eventDefinitions || [ bo ]) {
      const message = definition.messageRef;
      if (!message?.get?.('zeebe:modelerTemplate') || !/^Message_[0-9a-z]{7}$/.test(message.id)) continue;
      message.id = `${bo.id}_Message`;
      if (UUID.test(message.name || '')) message.name = stableUuid(`${bo.id}/${bo.$parent?.id}`);
    }
  }
  // the message the element referenced before the template replaced it is left behind, renamed
  // to a random UUID and referenced by nothing: drop it
  const definitions = modeler.getDefinitions();
  const referenced = new Set(modeler.get('elementRegistry').getAll()
    .flatMap((e) => [ ...(e.businessObject?.eventDefinitions || []), e.businessObject ])
    .map((d) => d?.messageRef)
    .filter(Boolean));
  definitions.rootElements = definitions.rootElements.filter((r) =>
    r.$type !== 'bpmn:Message' || referenced.has(r) || !UUID.test(r.name || ''));
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A name-based UUID (version 5 layout, SHA-1): the same element always gets the same one. */
function stableUuid(name) {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
