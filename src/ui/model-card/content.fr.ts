// La fiche du modèle en français : ce que signifie chaque indicateur et mécanisme, comment il évolue, ce qu'il suppose.
import type { ModelContent } from './content.js';

export const MODEL_FR: ModelContent = {
  indicators: {
    process: {
      means: 'L’avancement du processus politique entre les parties : pourparlers, accord et mise en œuvre (0–100).',
      moves:
        'Monte avec les actions politiques et de pourparlers, et avec la force au service d’une piste politique active (+{leverage}) ; baisse de {drift} un mois sans travail politique, de {substitution} quand la force remplace la politique, et de {neglect} chaque mois où un accord signé n’est pas mis en œuvre.',
      assumes:
        'Que la mission doit travailler sans relâche au processus politique, même si elle le conduit rarement (Kampala était facilité par l’Ouganda pour la CIRGL ; Alger était conduit par l’Algérie), et qu’un processus dont personne ne s’occupe recule.',
    },
    consent: {
      means: 'Le consentement de l’État hôte à la présence et au travail de la mission.',
      moves:
        'Chaque mois de (proximité − 50) / 15 selon la distance à l’État hôte ; baisse de la moitié de {substitution} quand la force remplace un processus politique ; et selon les actions et les événements.',
      assumes:
        'Que la proximité achète le consentement et que la distance le coûte ; il compte pour moitié dans la dimension consentement et impartialité.',
    },
    impartiality: {
      means: 'L’impartialité de la mission telle que la voient les parties et la population.',
      moves:
        'Si l’État hôte est partie au conflit et que la proximité dépasse 55, baisse chaque mois de (proximité − 50) / 12 ; sinon selon les actions et les événements.',
      assumes:
        'Qu’embrasser un État hôte partie au conflit coûte l’impartialité ; elle compte pour moitié dans la dimension consentement et impartialité.',
    },
    trust: {
      means: 'La confiance de la population dans la mission.',
      moves:
        'Chaque mois selon l’écart d’attentes : si les attentes dépassent la protection, baisse de l’écart / 15 (arrondi au-dessus) ; si la protection dépasse les attentes, hausse d’au plus 2. Aussi selon les actions et les événements.',
      assumes: 'Que la confiance suit l’écart entre ce qui a été promis et la protection reçue.',
    },
    expectations: {
      means: 'Ce que la population attend de la mission.',
      moves:
        'Monte de l’attente de chaque tâche du mandat à son adoption ou à son ajout ; baisse de la moitié quand une révision la retire.',
      assumes: 'Que chaque tâche du mandat élève les attentes, que la mission puisse ou non y répondre.',
    },
    cohesion: {
      means: 'L’unité des composantes de la mission (civile, militaire, police, envoyé).',
      moves:
        'Baisse de {conflictCost} par conflit entre les plans révélés des fauteuils ; de 1 pour des pourparlers techniques de cessez-le-feu sans piste politique active ; et selon les actions et les événements.',
      assumes:
        'Qu’une mission unie tire davantage de chaque action : la cohésion multiplie chaque effet favorable (×0,5 à 0, ×1 à 50, ×1,5 à 100).',
    },
    credibility: {
      means: 'La crédibilité de la mission auprès du Conseil de sécurité et des pays contributeurs.',
      moves:
        'Baisse de {deployCost} par mois de retard d’un renfort au-delà de {deployGrace} mois, de 1 par attaque de fauteurs de troubles, de 1 pour des pourparlers techniques futiles ; +3 (ou −2) à une révision du mandat avec (ou sans) analyse franche (analyse ≥ {frankAnalysis}).',
      assumes:
        'Que le Conseil et les contributeurs jugent la mission sur ses résultats et la franchise de ses rapports.',
    },
    regional: {
      means: 'L’alignement des voisins et des organisations régionales sur le processus.',
      moves:
        'Baisse de 1 par voisin ou organisation régionale non engagé depuis {exclusionTurns} mois ; monte par les actions régionales et les événements.',
      assumes:
        'Qu’un accord sans alignement régional ne tient pas : en dessous de {regionalFloor}, il perd 3 points de mise en œuvre par mois.',
    },
    analysis: {
      means: 'La capacité de la mission à comprendre la situation (JMAC, JOC, etc.).',
      moves:
        'Monte de {policeAnalysis} par mois et par unité de police en ville, et par les actions d’analyse et les événements.',
      assumes:
        'Qu’une meilleure analyse réduit le brouillard (estimations ± {fog} × (100 − analyse) / 100), affine les opérations, annonce les événements un mois à l’avance et les attaques.',
    },
    casualties: {
      means: 'Les pertes parmi les Casques bleus ; plus c’est élevé, pire c’est (la dimension compte 100 − pertes).',
      moves: 'Monte de 3 par attaque de fauteurs de troubles contre la mission, et selon les événements.',
      assumes: 'Que les groupes hors de tout processus frappent la mission là où elle se trouve parmi eux.',
    },
    closeness: {
      means: 'La proximité de la mission avec l’État hôte ; 50 est une distance équilibrée.',
      moves: 'Selon les actions et les événements qui rapprochent la mission du gouvernement ou l’en éloignent.',
      assumes:
        'Que l’influence est maximale à distance équilibrée : les actions politiques sont multipliées par 1 − |proximité − 50| / 100.',
    },
  },
  mechanics: {
    'mandate-focus': {
      means: 'La capacité de la mission est partagée entre les tâches du mandat.',
      moves: 'Une action au service d’une tâche mandatée est multipliée par √(focalisation / tâches), au plus ×1,2.',
      assumes: 'Qu’un mandat aux tâches plus nombreuses que la focalisation de la mission fait moins sur chacune.',
    },
    'mandate-expectations': {
      means: 'Chaque tâche du mandat élève les attentes de la population.',
      moves:
        'Adopter ou ajouter une tâche élève les attentes de sa valeur ; la retirer à une révision les abaisse de la moitié.',
      assumes: 'Que les attentes naissent de ce qui est promis, non de ce qui est fait.',
    },
    'mandate-review': {
      means: 'À une révision, le Conseil recentre le mandat s’il est bien informé.',
      moves: 'Crédibilité +3 si l’analyse atteint {frankAnalysis}, −2 sinon.',
      assumes: 'Qu’un rapport franc au Conseil demande de l’analyse.',
    },
    'primacy-leverage': {
      means: 'La force au service d’une piste politique active pèse à la table.',
      moves:
        'Action offensive ou de pression contre une partie de la piste de la stratégie, processus ≥ {liveProcess} : processus +{leverage}, et position de la partie +2 si elle est négociable.',
      assumes: 'Que la force est utile quand elle sert la politique.',
    },
    'process-drift': {
      means: 'Un processus politique dont personne ne s’occupe recule.',
      moves: 'Processus −{drift} un mois où aucun fauteuil ne joue d’action politique ou de pourparlers.',
      assumes:
        'Qu’un processus n’avance pas seul : la mission doit y travailler, même quand d’autres conduisent la médiation.',
    },
    'force-substitution': {
      means: 'La force employée à la place d’un processus politique l’érode.',
      moves:
        'Action offensive ou de pression contre un acteur hors d’une piste politique active : processus −{substitution}, consentement −{substitution}/2.',
      assumes: 'Que les moyens militaires ne remplacent pas une stratégie politique.',
    },
    'agreement-implementation': {
      means: 'Un accord signé est un commencement : il demande du travail chaque mois.',
      moves:
        'Un mois après la signature sans action de mise en œuvre : processus −{neglect} et mise en œuvre −2. À 100 %, l’accord est mis en œuvre.',
      assumes: 'Que les accords négligés s’enlisent.',
    },
    'futile-technical-talks': {
      means: 'Des pourparlers techniques de cessez-le-feu sans piste politique active ne mènent à rien.',
      moves: 'L’action n’a aucun de ses effets ; à la place, cohésion −1 et crédibilité −1.',
      assumes: 'Qu’un cessez-le-feu a besoin d’un processus politique derrière lui.',
    },
    'cohesion-multiplier': {
      means: 'Une mission unie tire davantage de chaque action.',
      moves:
        'Chaque effet favorable est multiplié par 0,5 + cohésion / 100 ; la part ajoutée ou retirée est inscrite à part au registre.',
      assumes: 'Que la désunion gaspille l’effort de toutes les composantes.',
    },
    'plan-conflicts': {
      means: 'Des fauteuils dont les plans révélés se contredisent.',
      moves:
        'Chaque conflit coûte cohésion −{conflictCost} ; les pourparlers avec une partie qu’un autre fauteuil attaque sont réduits de moitié. Conflits : offensive contre une partie en pourparlers hors de la piste de la stratégie, ou pourparlers sur la piste et hors d’elle à la fois.',
      assumes: 'Qu’une stratégie commune fait de la même paire d’actions un levier plutôt qu’un conflit.',
    },
    'analysis-fog': {
      means: 'Ce qu’un fauteuil voit des nombres estimés est brouillé par une analyse faible.',
      moves:
        'Les estimations sont montrées ± {fog} × (100 − analyse) / 100. Chaque nombre estimé est entaché d’une erreur propre à la partie : elle vient d’un secret créé avec la partie (128 bits aléatoires, passés par un hachage à clé, SipHash-2-4), qu’aucun fauteuil ne voit et qu’on ne peut déduire ni des estimations ni de la graine. L’erreur persiste d’un mois à l’autre et dérive lentement, et la fourchette suit l’analyse d’au plus un point par mois : l’estimation d’un nombre qui n’a pas changé bouge d’au plus 2 points d’un mois au suivant, et un écart plus grand est un vrai changement. Les estimations sont établies à l’ouverture de chaque mois ; un changement dû à une décision prise dans le mois (l’option d’un événement, une révision du mandat, l’animateur) les atteint le mois suivant, et le registre en montre aussitôt le sens. Ce qu’un fauteuil peut planifier est jugé sur ces mêmes estimations (une carte dont l’estimation remplit la condition peut être jouée, et produit alors son effet sur les vrais nombres). Les valeurs de départ que le scénario donne pour ce qui est estimé sont les premières estimations de la mission, non la vérité : chaque vraie valeur de départ se trouve n’importe où dans la fourchette du premier mois autour du nombre publié, tirée de la clé du monde de la partie ; la première vue montre donc exactement les nombres publiés et n’apprend à un fauteuil rien que le scénario ne dise. Le hasard du monde (un événement qui survient, le geste d’un acteur, une attaque) est tiré de cette même clé pour chaque mois et chaque chose tirée, jamais d’une suite qui s’écoule : deux parties de même clé rencontrent le même monde quelles que soient les décisions, et la clé ne se déduit pas de ce qui arrive. Une partie en solo tire sa clé au hasard ; une salle animée garde sur son serveur une clé par graine, si bien que les équipes de même graine rencontrent le même monde ; les études et les tests la tirent de la graine. La vérité apparaît à la fin de la partie.',
      assumes:
        'Que les dirigeants décident sur une information imparfaite, meilleure avec une meilleure analyse ; que les erreurs d’une image sont des biais durables plutôt qu’un bruit neuf chaque mois, et qu’elle s’affine sur plusieurs mois quand l’analyse progresse. Une erreur durant, comparer une estimation à un chiffre connu avec certitude (une valeur de départ du briefing) en dit quelque chose, jusqu’à ce qu’elle ait dérivé.',
    },
    'analysis-targeting': {
      means: 'Des opérations préparées sur une bonne image frappent ce qui compte.',
      moves:
        'Les actions militaires, offensives, de pression, de protection et de police sont multipliées par 0,7 + 0,6 × analyse / 100.',
      assumes: 'Que comprendre les dynamiques micro-locales rend les opérations efficaces.',
    },
    'deployment-lead-time': {
      means: 'Les renforts mettent du temps à arriver.',
      moves:
        'Une unité demandée arrive après son délai ; chaque mois d’attente au-delà de {deployGrace} mois coûte crédibilité −{deployCost}.',
      assumes: 'Que les missions sont lentes à se renforcer et qu’on les juge là-dessus.',
    },
    'emergency-support': {
      means: 'L’appui d’urgence accélère les déploiements.',
      moves: 'L’action réduit de moitié le délai restant de chaque déploiement en cours (arrondi au-dessus).',
      assumes: 'Que la mission peut gagner en agilité si elle le demande.',
    },
    'police-presence': {
      means: 'La police en ville calme les troubles et voit ce qui se passe.',
      moves:
        'Chaque mois, chaque unité de police dans une région urbaine : violence −{policeUnrest} sur place, analyse +{policeAnalysis} ; l’analyse seulement tant que le siège qui commande la police prend des mesures de coordination (pas de vase clos depuis {siloTurns} mois).',
      assumes:
        'Que la police est l’outil adapté en ville et une source d’information dont l’action doit être intégrée à celle du reste de la mission (rapport ¶7, par le JMAC et le JOC, ¶8).',
    },
    'envoy-coordination': {
      means: 'Le RSSG et l’Envoyé assurant tous deux une médiation sans se coordonner.',
      moves:
        'Si les deux jouent des pourparlers et qu’aucun ne joue d’action de coordination : un conflit, cohésion −{conflictCost} (sauf dans les scénarios où le RSSG occupe le siège de la médiation).',
      assumes:
        'Que deux médiateurs doivent parler d’une seule voix. Là où le RSSG occupait le siège de l’ONU dans la médiation (la MINUSMA à Alger), il n’y a ni division ni coût.',
    },
    'regional-exclusion': {
      means: 'Les voisins et les organisations régionales tenus à l’écart s’éloignent.',
      moves:
        'Chaque acteur de ce type avec lequel aucun siège n’a travaillé nommément depuis {exclusionTurns} mois : position −3, régional −1 par mois ; régional sous {regionalFloor} : mise en œuvre −3 par mois. Un point d’information à l’ensemble de la région améliore l’alignement sans associer personne, pas plus que le contact d’un siège qui travaille en vase clos.',
      assumes:
        'Que la région peut faire ou défaire un accord et que les acteurs régionaux doivent être associés, pas seulement informés (rapport ¶13) ; qu’un siège travaillant en vase clos ne partage rien de ses contacts avec la mission (¶9) est une inférence du jeu.',
    },
    'host-state-distance': {
      means: 'La distance de la mission à l’État hôte.',
      moves:
        'Chaque mois, le consentement varie de (proximité − 50) / 15 ; si l’État hôte est partie et la proximité > 55, impartialité −(proximité − 50) / 12. Les actions politiques sont multipliées par 1 − |proximité − 50| / 100.',
      assumes: 'Que l’étreinte comme l’éloignement coûtent à la mission.',
    },
    'expectation-gap': {
      means: 'L’écart entre ce que la population attend et la protection qu’elle reçoit.',
      moves:
        'Chaque mois, la confiance varie selon l’écart (voir Confiance) ; les actions politiques et de pourparlers sont multipliées par 0,85 + 0,3 × confiance / 100.',
      assumes: 'Qu’une mission qui a la confiance de la population pèse davantage sur les parties.',
    },
    'spoiler-attacks': {
      means: 'Les groupes hors de tout processus attaquent la mission.',
      moves:
        'Pour chaque acteur armé non négociable et chacune de ses régions où se trouve une unité, avec une probabilité force / 300 × (1,3 − 0,6 × analyse / 100) : pertes +3, crédibilité −1.',
      assumes: 'Que l’exposition et le manque d’alerte appellent les attaques.',
    },
    'contributor-consultation': {
      means: 'Les contingents fournis donnent de meilleurs résultats quand les contributeurs sont consultés.',
      moves:
        'Les actions qui exigent une unité sont multipliées par la performance de la meilleure unité, +0,25 pendant {consultTurns} mois après une consultation.',
      assumes:
        'Que les contingents diffèrent et que la consultation les améliore. Le rapport dit seulement que les contributeurs s’estiment insuffisamment consultés (paragraphe 12) ; l’amélioration est une hypothèse du jeu.',
    },
    'armed-violence': {
      means: 'Les acteurs armés hostiles font la violence là où ils opèrent.',
      moves:
        'Chaque mois, chaque acteur hostile ajoute agressivité × force / 100 à chacune de ses régions ; la violence décroît partout de {decay} % par mois.',
      assumes: 'Que la violence suit la force armée et l’hostilité, et retombe lentement d’elle-même.',
    },
    'strategy-track': {
      means: 'Les pourparlers valent ce qu’en fait la stratégie politique.',
      moves:
        'Les pourparlers avec un acteur que la stratégie du tour ne nomme pas, ou sous une stratégie sans volet politique, ne gardent que la moitié de leur effet ; sans volet nommé, le travail politique n’empêche pas le processus de s’effriter.',
      assumes:
        'Qu’une stratégie politique partagée par toute la mission donne leur poids aux pourparlers (rapport ¶3).',
    },
    'capability-gap': {
      means: 'La mission est jugée sur les moyens dont elle dispose, non sur ceux qu’elle a demandés.',
      moves:
        'Chaque tour, une tâche mandatée qui exige une capacité absente du théâtre, et deux régions violentes ou plus sans unité de la mission, coûtent de la crédibilité (et de la confiance dès trois) ; de même une capacité qu’exige une action, que des renforts pourraient apporter, et que personne n’a demandée (une demande en cours paie plutôt son délai).',
      assumes: 'Qu’un mandat doit correspondre aux moyens réellement disponibles (rapport ¶2, ¶11).',
    },
    repetition: {
      means: 'Refaire la même chose rapporte moins.',
      moves:
        'Une action jouée au tour précédent ne garde que la moitié de son effet favorable, deux tours avant les trois quarts (arrondi vers zéro) ; pourparlers et mise en œuvre exceptés. Il en va de même d’un indicateur compté au score que le poste a relevé par une autre carte pendant ces tours (usure : alterner les gestes n’y échappe pas) ; coordination, analyse, sensibilisation et démarches régionales ne s’usent pas.',
      assumes: 'Qu’un geste répété s’use ; au-delà du rapport.',
    },
    'regional-alignment': {
      means: 'Les pourparlers tiennent dans la mesure où la région les soutient.',
      moves:
        'Les pourparlers sont multipliés par 0,6 + 0,8 × régional / 100 ; sous le seuil régional, le processus perd 1 par tour.',
      assumes: 'Que voisins et organisations régionales peuvent faire ou défaire un processus (rapport ¶4, ¶13).',
    },
    'analysis-decay': {
      means: 'L’image du conflit vieillit.',
      moves: 'L’analyse baisse chaque tour de la valeur fixée par le scénario.',
      assumes: 'Que l’analyse doit être entretenue pour servir (rapport ¶10).',
    },
    'monthly-assessment': {
      means: 'La mission est jugée sur toute la durée de son mandat.',
      moves: 'Le score final combine la moyenne des scores mensuels et le score final.',
      assumes: 'Que le Conseil examine régulièrement une mission, pas une seule fois (rapport ¶2).',
    },
    'silo-working': {
      means: 'Un siège qui ne se coordonne jamais travaille en vase clos.',
      moves:
        'Chaque tour, chaque siège sans étape de coordination depuis {siloTurns} tours coûte {siloCost} de cohésion, et ses actions ne rendent que ×0,7.',
      assumes: 'Qu’une planification intégrée entre composantes exige des étapes communes régulières (rapport ¶6, ¶8).',
    },
    'council-renewal': {
      means:
        'Le Conseil de sécurité renouvelle le mandat selon son propre calendrier, et son unité fait l’autorité de la mission.',
      moves:
        'À chaque mois d’examen, l’appui du Conseil (son attitude) modifie la crédibilité de attitude / 20, au plus 3 dans un sens ou dans l’autre ; un Conseil divisé coûte aussi 2 de consentement et n’accorde aucune tâche nouvelle (la demander coûte 1 de crédibilité).',
      assumes:
        'Que les divisions entre membres du Conseil compromettent son autorité de mandat et l’appui du pays hôte (rapport ¶15, ¶2).',
    },
    penholder: {
      means: 'Le membre qui rédige les résolutions tient à ses propres priorités.',
      moves:
        'Chaque tâche soutenue par le porte-plume que la mission laisse hors de son mandat, ou abandonne lors d’un examen, coûte de l’appui du Conseil.',
      assumes:
        'Que les membres du Conseil apportent leurs propres intérêts au mandat (au-delà du rapport, qui ne nomme aucun porte-plume ; ¶15).',
    },
    'policy-committee': {
      means:
        'Le Siège s’accorde sur le plus petit dénominateur commun ; le RSSG n’y est qu’une voix sur deux douzaines.',
      moves:
        'Chaque tâche du projet que le RSSG écarte au-delà de ce que le Siège tolère, et chaque tâche abandonnée lors d’un examen, coûte 1 de cohésion.',
      assumes:
        'Qu’un comité qui cherche le consensus entre tous les départements ne peut fixer de priorités (rapport ¶5, ¶8).',
    },
    'force-supply': {
      means: 'Ce qui arrive est ce que les contributeurs offrent, non ce que la mission a demandé.',
      moves:
        'Un renfort assorti d’une unité offerte amène cette unité à la place, pour 1 de crédibilité, sauf si les contributeurs ont été consultés au moment de la demande ou depuis.',
      assumes:
        'Que les missions sont conçues selon l’offre plutôt que selon la demande (rapport ¶8, ¶16) ; que la consultation réduise l’écart va au-delà du rapport (¶12).',
    },
    'civil-society': {
      means: 'Des pourparlers ont besoin de ceux pour qui ils sont menés.',
      moves:
        'Un siège qui négocie avec les parties sans aucune de ses actions de proximité depuis {practiceTurns} tours n’obtient que ×{practiceFactor} de ses pourparlers. Tant que l’accord n’est pas mis en œuvre, une société civile qu’une action peut consulter nommément mais qu’aucun siège n’a engagée depuis {exclusionTurns} mois coûte chaque mois sa position −3, processus −1 et confiance −1 ; informer le public en général ne la consulte pas.',
      assumes:
        'Que la société civile soit consultée avant et pendant l’élaboration des solutions (rapport ¶15) ; en tenir chaque siège responsable, et l’ampleur du coût, vont au-delà du rapport.',
    },
    'regional-practice': {
      means: 'La médiation a besoin de la région.',
      moves:
        'Un siège qui négocie sans aucune de ses démarches régionales depuis {practiceTurns} tours n’obtient que ×{practiceFactor} de ses pourparlers.',
      assumes:
        'Que les processus dépendent des voisins et des organisations régionales (rapport ¶4, ¶13) ; en tenir chaque siège responsable va au-delà du rapport.',
    },
    'analysis-practice': {
      means: 'Chaque siège doit actualiser son image de la situation.',
      moves:
        'Un siège sans aucune de ses actions d’analyse depuis {practiceTurns} tours n’obtient que ×{practiceFactor} de ses opérations et pourparlers.',
      assumes:
        'Que les décisions reposent sur une analyse solide des dynamiques locales (rapport ¶10) ; en tenir chaque siège responsable va au-delà du rapport.',
    },
    'mission-presence': {
      means: 'Les unités de la mission atténuent la violence là où elles sont.',
      moves:
        'Chaque mois, la violence d’une région baisse de {presence} × (somme force × performance des unités présentes) / 4.',
      assumes: 'Que la présence protège, en proportion de ce qui est déployé.',
    },
  },
  beyond: 'Au-delà du rapport :',
  scoring: {
    means:
      'Le résultat : une moyenne pondérée des dimensions — processus, protection (100 − violence pondérée par la population et par les zones où le mandat s’applique), crédibilité, consentement et impartialité (leur moyenne), confiance, cohésion et pertes (100 − pertes).',
    moves:
      'Calculé à la fin de chaque mois ; la partie s’arrête au dernier mois ou quand une condition de fin est remplie. Succès si le score atteint le seuil, sauf si une condition de fin en décide autrement.',
    assumes: 'Qu’une mission est jugée sur tout cela à la fois, avec les poids du scénario.',
  },
};
