// Chaînes françaises du mouvement de la carte, du son, des marques de changement et du choix de cible sur la carte.
import type { mapEn } from './i18n.en.js';

export const mapFr: Record<keyof typeof mapEn, string> = {
  'mapmotion.skip': 'Passer l’animation',
  'mapmotion.on': 'Animations : activées',
  'mapmotion.off': 'Animations : désactivées',
  'sound.on': 'Son : activé',
  'sound.off': 'Son : désactivé',
  'pick.button': 'Sur la carte',
  'pick.cardLabel': 'Choisir sur la carte la cible de {name}',
  'pick.moveLabel': 'Choisir sur la carte la destination de {name}',
  'pick.armed': 'Cliquez sur une région de la carte pour {name}. Échap pour annuler.',
  'pick.cancelled': 'Choix sur la carte annulé.',
  'pick.done': '{name} : choix fixé sur {region}.',
  'pick.notOption': 'Impossible de choisir {region} pour {name}.',
  'pick.first': 'Pour choisir sur la carte, appuyez d’abord sur « Sur la carte » à côté d’une carte ou d’un déplacement.',
  'mapchange.heading': 'Changements depuis le mois dernier',
  'mapchange.none': 'Rien n’a changé sur la carte depuis le mois dernier.',
  'mapchange.violence': 'Violence, {region} : {from} → {to} ({mark})',
  'mapchange.move': '{unit} : déplacement de {from} vers {to}',
  'mapchange.arrive': '{unit} : arrivée, {region}',
  'mapchange.leave': '{unit} : départ, {region}',
  'mapchange.strength': 'Force de {actor} : {from} → {to} ({mark})',
  'mapchange.legend': '▲ ou ▼ suivi d’un nombre : le changement depuis le mois dernier. Flèches bleues en tirets : déplacements des unités ce mois-ci. Anneau bleu en tirets : une région sur laquelle cliquer pour choisir.',
};
