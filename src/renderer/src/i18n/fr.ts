import type { Messages } from './en'

/** French interface messages. */
export const fr: Messages = {
  app: { loading: 'Ouverture…', untitled: 'Rapport sans titre' },
  action: {
    cancel: 'Annuler',
    close: 'Fermer',
    dismiss: 'Masquer',
    save: 'Enregistrer',
    dontSave: 'Ne pas enregistrer',
    keepMine: 'Garder ma version',
    loadDisk: 'Charger la version du disque',
    overwrite: 'Remplacer',
    saveAsCopy: 'Enregistrer sous…',
    structure: 'Structurer',
    pastePlain: 'Coller en texte brut'
  },
  ask: {
    unsavedTitle: 'Enregistrer les modifications de « {title} » ?',
    unsavedDetail: 'Vos modifications seront perdues si vous ne les enregistrez pas.',
    conflictTitle: 'Le fichier a changé sur le disque',
    structureTitle: 'Structurer le rapport collé ?',
    structureDetail:
      'Ce texte ressemble à un rapport entier. Rapporteur peut en reconnaître les chapitres, sections, paragraphes numérotés, recommandations, listes et notes, et signaler ce dont il n’est pas sûr.'
  },
  editor: { label: 'Texte du rapport' },
  toolbar: {
    label: 'Outils du rapport',
    new: 'Nouveau',
    newTitle: 'Nouveau rapport à partir du modèle standard',
    open: 'Ouvrir',
    openTitle: 'Ouvrir un rapport (Ctrl+O)',
    save: 'Enregistrer',
    saveTitle: 'Enregistrer (Ctrl+S)',
    saveAs: 'Enregistrer sous',
    saveAsTitle: 'Enregistrer sous un autre nom (Ctrl+Maj+S)',
    import: 'Importer',
    importTitle: 'Importer un rapport .txt ou .docx',
    export: 'Exporter vers Word',
    exportTitle: 'Exporter le .docx officiel',
    undo: 'Annuler (Ctrl+Z)',
    redo: 'Rétablir (Ctrl+Y)',
    recommendation: 'Recommandation',
    recommendationTitle: 'Insérer une recommandation (Ctrl+Alt+R)',
    footnote: 'Note',
    footnoteTitle: 'Insérer une note de bas de page (Ctrl+Alt+F)',
    reference: 'Renvoi',
    referenceTitle: 'Insérer un renvoi…',
    numbered: '¶ 1.',
    numberedTitle: 'Paragraphe numéroté / non numéroté',
    find: 'Rechercher',
    findTitle: 'Rechercher et remplacer (Ctrl+F)',
    focus: 'Focus',
    focusTitle: 'Afficher une section à la fois',
    masthead: 'En-tête',
    settings: 'Paramètres',
    versions: 'Versions',
    check: 'Vérifier',
    checkTitle: 'Ce qu’il faut régler avant la distribution du rapport (F7)',
    versionsTitle: 'Versions antérieures de ce fichier',
    unsaved: 'Modifications non enregistrées',
    bold: 'Gras (Ctrl+B)',
    italic: 'Italique (Ctrl+I)',
    outdent: 'Niveau de liste supérieur (Maj+Tab)',
    indent: 'Niveau de liste inférieur, a) à i) (Tab)'
  },
  outline: {
    expand: 'Afficher le plan',
    collapse: 'Masquer le plan',
    label: 'Plan',
    addChapter: 'Ajouter un chapitre après celui sélectionné',
    addSection: 'Ajouter une section après celle sélectionnée',
    addSubsection: 'Ajouter une sous-section à la section sélectionnée',
    chapterShort: 'Chapitre',
    sectionShort: 'Section',
    subsectionShort: 'Sous-sect.',
    newChapterTitle: 'Nouveau chapitre',
    newSectionTitle: 'Nouvelle section',
    newSubsectionTitle: 'Nouvelle sous-section',
    moveUp: 'Monter (Alt+↑)',
    moveDown: 'Descendre (Alt+↓)',
    rename: 'Renommer',
    delete: 'Supprimer',
    deleted: '{label} supprimé. Annuler avec Ctrl+Z.',
    status: 'État de rédaction',
    untitled: '(sans titre)',
    selected: 'Élément sélectionné'
  },
  status: {
    draft: 'Projet',
    review: 'En examen',
    agreed: 'Approuvé',
    paragraph: 'par. {label}',
    nowhere: 'Prêt',
    words: '{words} / {limit} mots',
    broken: 'Renvois rompus : {count}',
    brackets: 'Crochets : {count}'
  },
  find: {
    find: 'Rechercher',
    replaceWith: 'Remplacer par',
    count: '{current} sur {count}',
    matchCase: 'Respecter la casse',
    previous: 'Précédent (Maj+Entrée)',
    next: 'Suivant (Entrée)',
    replace: 'Remplacer',
    replaceAll: 'Tout remplacer',
    replaced: '{count} occurrences remplacées.'
  },
  menu: {
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    pastePlain: 'Coller en texte brut',
    subparagraphList: 'Insérer une liste d’alinéas a), b)…',
    agendaList: 'Insérer une liste d’ordre du jour 1., 2.…',
    moveBlockUp: 'Monter le bloc',
    moveBlockDown: 'Descendre le bloc',
    moveBlockTo: 'Déplacer vers la section…',
    deleteBlock: 'Supprimer le bloc'
  },
  panel: {
    masthead: 'En-tête',
    settings: 'Paramètres',
    'import-notes': 'Notes d’importation',
    check: 'Vérification',
    review: 'Révision'
  },
  masthead: {
    clickToEdit: 'Cliquer pour modifier l’en-tête',
    noSymbol: 'Pas de cote',
    problems: 'L’en-tête présente {count} problème(s) : ouvrez-le pour les corriger.',
    symbol: 'Cote du document',
    distribution: 'Distribution',
    date: 'Date de publication',
    originalLanguage: 'Langue originale',
    parentBody: 'Organe principal',
    subsidiaryBody: 'Organe subsidiaire',
    session: 'Session',
    meeting: 'Dates et lieu de la réunion',
    agendaItem: 'Point de l’ordre du jour',
    title: 'Titre',
    jobNumber: 'Numéro de référence',
    agendaSymbol: 'Cote de l’ordre du jour provisoire (note *)',
    problem: {
      symbol: 'Ce n’est pas une cote ONU (p. ex. CTOC/COP/WG.4/2019/L.1) : non appliqué.',
      date: 'Écrivez la date sous la forme aaaa-mm-jj : non appliqué.',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: 'Code-barres du numéro de référence en pied de première page',
    footerQrCode: 'Code QR de l’adresse undocs.org en pied de première page',
    report: 'Ce rapport',
    language: 'Langue du rapport',
    recommendationStyle: 'Recommandations',
    styleBlock: 'Blocs intitulés « Recommandation N »',
    styleParagraph: 'Numérotées comme des paragraphes',
    wordLimit: 'Nombre de mots maximal',
    limitProblem: 'Un nombre entier de mots, au moins 1.',
    secretariat: 'Secrétariat (8 500)',
    other: 'Autres (10 700)',
    app: 'Rapporteur',
    uiLanguage: 'Langue de l’interface',
    autosaveToFile: 'Enregistrer le fichier automatiquement après une pause dans la saisie',
    spellingDownloads:
      'Télécharger depuis Internet les dictionnaires d’orthographe manquants (serveurs de Google)',
    versionsKept: 'Versions antérieures conservées par rapport',
    autoCorrect: 'Correction automatique pendant la saisie',
    autoCorrectRule: {
      quotes: 'Guillemets typographiques de la langue du rapport (« », “ ”)',
      dashes: 'Demi-cadratin dans les intervalles (3–5, 2019–2020)',
      nonBreakingSpaces: 'Garder « paragraphe 12 », « article 5 »… sur une ligne'
    }
  },
  language: {
    en: 'anglais',
    fr: 'français',
    es: 'espagnol',
    ru: 'russe',
    zh: 'chinois',
    ar: 'arabe'
  },
  check: {
    intro:
      'Ce qu’il faut régler avant la distribution du rapport. Cliquez sur une ligne pour y aller.',
    summary: '{blocking} bloquant(s) · {warnings} à examiner',
    clean: 'Rien à régler : le rapport peut être distribué.',
    blocking: 'Bloque la distribution',
    warning: 'À examiner',
    report: 'Tout le rapport',
    open: 'Ouvrir la vérification',
    exportAnyway: 'Exporter quand même',
    exportTitle: '{count} problème(s) bloquent la distribution',
    blockingBrackets: '{count} passage(s) encore entre crochets.',
    blockingReferences: '{count} renvoi(s) à un texte supprimé.',
    kind: {
      'square-brackets': 'Entre crochets : {text}',
      'broken-reference': 'Renvoi à un texte qui n’existe plus',
      'word-limit':
        '{words} mots pour une limite de {limit} (notes : {footnoteWords}, comptées à part)',
      'empty-container': '{container} vide : rien sous son titre',
      'not-agreed': '{container} encore « {status} », non approuvé',
      untranslated: 'Pas encore traduit : {text}',
      'empty-paragraph': 'Paragraphe vide',
      'footnote-in-heading': 'Appel de note dans un titre',
      'recommendation-placement':
        'Recommandation hors du chapitre des recommandations (dans {chapter})',
      'import-note': 'Note d’importation (ligne {line}) : {message}'
    },
    container: { chapter: 'chapitre', section: 'section', subsection: 'sous-section' },
    masthead: {
      missing: 'En-tête : {field} manquant(e)',
      malformed: 'En-tête : {field} mal formé(e) (attendu : {expected})'
    },
    field: {
      symbol: 'cote du document',
      distribution: 'distribution',
      date: 'date',
      originalLanguage: 'langue originale',
      parentBody: 'organe principal',
      subsidiaryBody: 'organe',
      session: 'session',
      meeting: 'dates et lieu de la réunion',
      agendaItem: 'point de l’ordre du jour',
      title: 'titre',
      jobNumber: 'numéro de référence'
    },
    symbol: {
      'not-linked': 'La cote {symbol} n’est pas liée',
      'own-symbol': 'Le rapport cite sa propre cote {symbol}',
      mismatch: 'Le lien {symbol} diffère du texte qu’il marque'
    },
    review: {
      suggestion: 'Une suggestion ouverte | {count} suggestions ouvertes',
      comment: 'Un commentaire ouvert | {count} commentaires ouverts'
    }
  },
  importNotes: {
    intro: 'L’importation a eu un doute à {count} endroit(s). Cliquez sur une note pour y aller.',
    line: 'Ligne {line}',
    gone: 'Cet endroit n’est plus dans le rapport.',
    confidence: {
      high: 'L’importation a lu la structure avec assurance : peu de choses à vérifier.',
      medium:
        'L’essentiel de la structure a été lu avec assurance : vérifiez les groupes ci-dessous.',
      low: 'Une grande partie de la structure a été devinée : vérifiez les groupes ci-dessous avant de vous y fier.'
    },
    kind: {
      footnotes: 'Notes de bas de page',
      headings: 'Chapitres, sections et annexes',
      paragraphs: 'Paragraphes numérotés et recommandations',
      lists: 'Listes',
      masthead: 'En-tête',
      text: 'Texte',
      other: 'Autres'
    }
  },
  reference: {
    title: 'Insérer un renvoi',
    search: 'Numéro ou mots, p. ex. 12, II.B, recommandation 3, trafic',
    none: 'Aucun résultat.',
    insert: 'Insérer'
  },
  recovery: {
    title: 'Récupérer le travail non enregistré',
    intro:
      'Rapporteur s’est fermé avant l’enregistrement de ces rapports. Restaurez-les ou supprimez les copies.',
    neverSaved: 'jamais enregistré',
    fileMissing: 'le fichier n’est plus sur le disque',
    sameSize: 'même longueur que sur le disque',
    longer: '{count} caractères de plus que sur le disque',
    shorter: '{count} caractères de moins que sur le disque',
    savedAt: 'conservé {time}',
    restore: 'Restaurer',
    discard: 'Supprimer',
    later: 'Décider plus tard'
  },
  versions: {
    title: 'Versions antérieures',
    notSaved: 'Ce rapport n’a pas encore été enregistré.',
    none: 'Aucune version antérieure pour l’instant : une version est conservée à chaque enregistrement.',
    restore: 'Ouvrir comme nouveau document'
  },
  compare: {
    withVersion: 'Comparer',
    withVersionTitle: 'Afficher les changements depuis cette version, sous forme de suggestions',
    withFile: 'Comparer avec un fichier…',
    shown:
      'Les changements depuis {name} sont affichés comme suggestions : {insertions} insertion(s), {deletions} suppression(s), {moves} déplacement(s).',
    none: 'Aucune différence avec {name}.',
    failed: 'Comparaison impossible : {message}',
    pendingSuggestions:
      'Acceptez ou refusez les suggestions déjà présentes dans ce rapport avant de le comparer à une autre version.'
  },
  moveBlock: {
    where: 'Où dans la section',
    atStart: 'Au début de son texte',
    atEnd: 'À la fin de son texte (avant ses sous-sections)',
    title: 'Déplacer vers la section',
    filter: 'Numéro ou titre, p. ex. II.B',
    notMoved: 'Le bloc s’y trouve déjà.'
  },
  newReport: {
    title: 'Nouveau rapport',
    hint: 'Le rapport part du plan type d’un rapport de groupe de travail dans cette langue.',
    create: 'Créer'
  },
  languageVersion: {
    button: 'Version linguistique',
    buttonTitle:
      'Nouvelle version linguistique de ce rapport (mêmes numéros, textes marqués à traduire)',
    sideBySideButton: 'Côte à côte',
    sideBySideTitle: 'Afficher une autre version linguistique de ce rapport à côté',
    title: 'Nouvelle version linguistique',
    language: 'Langue de la nouvelle version',
    hint: 'La nouvelle version garde chaque chapitre, section, numéro de paragraphe, recommandation, note et renvoi. Chaque texte reste dans la langue originale, marqué comme non traduit, jusqu’à sa traduction. Enregistrez-la sous son propre nom.',
    create: 'Créer',
    created: 'Version en {language} créée : chaque texte est marqué à traduire.',
    sideBySide: 'Versions linguistiques côte à côte',
    differences:
      'Aucune différence de structure | Une différence de structure | {count} différences de structure',
    number: 'No',
    thisReport: 'Ce rapport ({language})',
    recommendation: 'Recommandation {n}',
    missingHere: 'Absent de ce rapport',
    missingThere: 'Absent de l’autre version',
    numberedThere: 'Numéroté {path} dans l’autre version',
    differentKind: 'Un autre type de bloc dans l’autre version'
  },
  notice: {
    cannotOpen: 'Impossible d’ouvrir le rapport : {message}',
    saveFailed: 'Le rapport n’a pas été enregistré : {message}',
    hardLinksBroken:
      'Enregistré. Ce fichier avait aussi d’autres noms (liens physiques) : ils montrent encore le texte précédent, car l’enregistrement a donné un nouveau fichier à ce nom.',
    recoveryFailed: 'La copie de récupération n’a pas pu être écrite : {message}',
    windowStateFailed:
      'Rapporteur n’a pas pu enregistrer l’état de la fenêtre : {message}. Enregistrez votre travail.',
    exporting: 'Exportation vers Word…',
    exported: 'Exporté vers {path}',
    exportFailed: 'Échec de l’exportation : {message}',
    imported: 'Importé. {count} note(s) à vérifier.',
    changedOnDisk: 'Ce fichier a été modifié par un autre programme depuis son ouverture.',
    reloaded: 'Le fichier a changé sur le disque et a été rechargé.',
    brokenReference: 'Le paragraphe visé n’existe plus.',
    structureFailed: 'Le texte n’a pas pu être structuré : {message}',
    brokenByEdit: 'Cette modification a rompu {count} renvoi(s) vers {targets}.',
    undoEdit: 'Annuler',
    pasteFailed: 'Le presse-papiers n’a pas pu être lu : utilisez Ctrl+V.',
    headingsAsText:
      'Titres collés gardés comme texte (ils n’ont pas de place unique comme sections ici) : {titles}.'
  },
  review: {
    track: 'Suivi des modifications',
    trackShort: 'Suivi',
    trackTitle: 'Enregistrer les modifications comme suggestions (Ctrl+Maj+E)',
    as: 'Suggestions et commentaires enregistrés au nom de {author} (voir Paramètres).',
    defaultAuthor: 'Auteur',
    authorName: 'Votre nom pour les modifications suivies et les commentaires',
    authorInitials: 'Vos initiales',
    show: 'Afficher',
    view: {
      markup: 'Toutes les marques',
      final: 'Final (modifications acceptées)',
      original: 'Original (avant modifications)'
    },
    count: '{count} suggestion(s)',
    previous: 'Précédente',
    next: 'Suivante',
    accept: 'Accepter',
    reject: 'Refuser',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    comments: 'Commentaires',
    commentHint:
      'Sélectionnez du texte (ou placez le curseur dans un paragraphe), puis écrivez un commentaire',
    addComment: 'Ajouter un commentaire',
    anchorLost: 'Le texte auquel ce commentaire se rapportait a été supprimé.',
    goToAnchor: 'Afficher dans le texte',
    replyHint: 'Répondre…',
    reply: 'Répondre',
    resolve: 'Résoudre',
    reopen: 'Rouvrir'
  },
  pageView: {
    label: 'Affichage page',
    toggle: 'Pages',
    toggleTitle: 'Afficher le rapport en pages, tel qu’il sera imprimé (Ctrl+Maj+P)',
    laying: 'Mise en pages…',
    failed: 'La mise en pages a échoué : {message}',
    pages: 'Pages : {count}',
    savePdf: 'Enregistrer en PDF',
    savePdfTitle: 'Enregistrer les pages dans un fichier PDF',
    pdfSaved: '{path} enregistré',
    pdfFailed: 'Le PDF n’a pas pu être enregistré : {message}'
  },
  recent: {
    button: 'Récents',
    title: 'Rapports ouverts récemment',
    label: 'Rapports récents',
    empty: 'Aucun rapport récent',
    missing: 'introuvable',
    missingTitle: 'Ce fichier n’existe plus à cet emplacement',
    remove: 'Retirer {name} de la liste',
    clear: 'Effacer la liste'
  },
  exportReveal: {
    open: 'Ouvrir le fichier exporté',
    folder: 'Afficher dans le dossier',
    failed: 'Le fichier exporté n’a pas pu être affiché.'
  },
  houseTemplate: {
    label: 'Modèle maison pour l’export Word',
    none: 'Style ONU intégré',
    choose: 'Choisir…',
    stop: 'Utiliser le style intégré',
    hint: 'Le .dotx ou .docx de votre bureau : ses styles, polices, marges, en-têtes et pieds de page (avec l’emblème) remplacent ceux intégrés.'
  }
}
