// Browser entry of the panel check: bpmn-js Modeler with the properties panel and the Camunda 8
// element-templates provider, bundled by check.mjs once with this directory's packages (the
// versions Desktop Modeler 5.49 ships) and once with ../package.json's (newer). The driver hands
// in the templates and reads the panel's error texts.
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';

import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule
} from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import CamundaCloudBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

const diagram = (platformVersion) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="${platformVersion}">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:task id="Task_1"/><bpmn:intermediateThrowEvent id="Throw_1"/><bpmn:intermediateCatchEvent id="Catch_1"/>
    <bpmn:startEvent id="Start_1"/><bpmn:receiveTask id="Receive_1"/><bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
    <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1"><dc:Bounds x="140" y="80" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Throw_1_di" bpmnElement="Throw_1"><dc:Bounds x="300" y="102" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Catch_1_di" bpmnElement="Catch_1"><dc:Bounds x="380" y="102" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Start_1_di" bpmnElement="Start_1"><dc:Bounds x="52" y="102" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Receive_1_di" bpmnElement="Receive_1"><dc:Bounds x="460" y="80" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Boundary_1_di" bpmnElement="Boundary_1"><dc:Bounds x="202" y="142" width="36" height="36"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

let modeler;

/**
 * A fresh modeler, the template applied to an element of a type it applies to, the way the "change element" menu applies it
 * (with a preset, as a step of the create/append menu does), the task selected.
 */
window.render = async ({ template, presetId, platformVersion = '8.8.0' }) => {
  // an element of the first type the template applies to
  const byType = { 'bpmn:Task': 'Task_1', 'bpmn:IntermediateThrowEvent': 'Throw_1', 'bpmn:IntermediateCatchEvent': 'Catch_1',
    'bpmn:StartEvent': 'Start_1', 'bpmn:ReceiveTask': 'Receive_1', 'bpmn:BoundaryEvent': 'Boundary_1' };
  const target = template.appliesTo.map((type) => byType[type]).find(Boolean);
  if (!target) throw new Error(`no element in the check's diagram for ${template.appliesTo.join(', ')}`);
  if (modeler) modeler.destroy();
  document.querySelector('#panel').innerHTML = '';
  modeler = new Modeler({
    container: '#canvas',
    propertiesPanel: { parent: '#panel' },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      CamundaCloudBehaviorsModule
    ],
    moddleExtensions: { zeebe: zeebeModdle }
  });
  window.modeler = modeler;
  await modeler.importXML(diagram(platformVersion));
  const elementTemplates = modeler.get('elementTemplates');
  elementTemplates.set([ template ]);
  elementTemplates.setEngines({ camunda: platformVersion });
  const element = modeler.get('elementRegistry').get(target);
  return elementTemplates.applyTemplate(element, template, { presetId }).id;
};

/** Select in its own evaluate: selecting in the same tick as the import is ignored by the panel. */
window.select = (id) => modeler.get('selection').select(modeler.get('elementRegistry').get(id));
