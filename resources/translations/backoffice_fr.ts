<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AdjustmentsTab</name>
    <message>
        <source>No lot</source>
        <translation>Aucun lot</translation>
    </message>
    <message>
        <source>Scan the product, or type its SKU or GTIN</source>
        <translation>Balayez le produit ou tapez son SKU ou son GTIN</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Trouver</translation>
    </message>
    <message>
        <source>No product chosen yet.</source>
        <translation>Aucun produit choisi pour l&apos;instant.</translation>
    </message>
    <message>
        <source>−2 removes two units, 3 adds three</source>
        <translation>−2 retire deux unités, 3 en ajoute trois</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Ce qui s&apos;est passé (facultatif)</translation>
    </message>
    <message>
        <source>Record adjustment</source>
        <translation>Enregistrer l&apos;ajustement</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>On hand now</source>
        <translation>En stock maintenant</translation>
    </message>
    <message>
        <source>Units (− to remove)</source>
        <translation>Unités (− pour retirer)</translation>
    </message>
    <message>
        <source>Reason (pick one), then Record:</source>
        <translation>Motif (choisissez-en un), puis Enregistrer&#xa0;:</translation>
    </message>
    <message>
        <source>Scan the product, or type its SKU or GTIN first.</source>
        <translation>Balayez d&apos;abord le produit ou tapez son SKU ou son GTIN.</translation>
    </message>
    <message>
        <source>{name} — {brand} · SKU {sku} · {count} on hand</source>
        <translation>{name} — {brand} · SKU {sku} · {count} en stock</translation>
    </message>
    <message>
        <source>Choose the product first: scan it, or type its SKU and press Find.</source>
        <translation>Choisissez d&apos;abord le produit&#xa0;: balayez-le ou tapez son SKU et appuyez sur Trouver.</translation>
    </message>
    <message>
        <source>Pick the reason for this adjustment.</source>
        <translation>Choisissez le motif de cet ajustement.</translation>
    </message>
    <message>
        <source>{name} (lot {lot})</source>
        <translation>{name} (lot {lot})</translation>
    </message>
    <message>
        <source>Recorded: {change} × {what}, {reason}. {count} now in stock.</source>
        <translation>Enregistré&#xa0;: {change} × {what}, {reason}. {count} en stock maintenant.</translation>
    </message>
</context>
<context>
    <name>BackOfficeTab</name>
    <message>
        <source>This is a receipt, not a product. Scan the barcode on the item or its case.</source>
        <translation>Ceci est un reçu, pas un produit. Balayez le code-barres de l&apos;article ou de sa caisse.</translation>
    </message>
    <message>
        <source>This is a kiosk ticket, not a product. Kiosk tickets are rung up at the register.</source>
        <translation>Ceci est un billet de borne, pas un produit. Les billets de borne sont enregistrés à la caisse.</translation>
    </message>
    <message>
        <source>This is an ID card, not a product. The back office does not read IDs.</source>
        <translation>Ceci est une pièce d&apos;identité, pas un produit. L&apos;arrière-boutique ne lit pas les pièces d&apos;identité.</translation>
    </message>
    <message>
        <source>This is a shelf label, not a product. Shelf labels are scanned on the Put-away and Counts tabs.</source>
        <translation>Ceci est une étiquette de tablette, pas un produit. Les étiquettes de tablette se balaient dans les onglets Rangement et Inventaire.</translation>
    </message>
    <message>
        <source>This is a shipping case label (SSCC), not a product. Case labels are scanned on the Receiving tab.</source>
        <translation>Ceci est une étiquette de caisse d&apos;expédition (SSCC), pas un produit. Les étiquettes de caisse se balaient dans l&apos;onglet Réception.</translation>
    </message>
    <message>
        <source>This code is not used on the {tab} tab.</source>
        <translation>Ce code ne sert pas dans l&apos;onglet {tab}.</translation>
    </message>
</context>
<context>
    <name>BackOfficeTabs</name>
    <message>
        <source>Adjustments</source>
        <translation>Ajustements</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Rangement</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gérant</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>The back office is for managers and admins. {name} signs in as a {role}: ask a manager to sign in here, or use a register.</source>
        <translation>L&apos;arrière-boutique est réservée aux gérants et aux administrateurs. {name} se connecte comme {role}&#xa0;: demandez à un gérant de se connecter ici, ou utilisez une caisse.</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Arrière-boutique</translation>
    </message>
    <message>
        <source>{store} — {title} {number}</source>
        <translation>{store} — {title} {number}</translation>
    </message>
    <message>
        <source>{title} · Terminal {number}</source>
        <translation>{title} · Poste {number}</translation>
    </message>
    <message>
        <source>The back office is for managers and admins: tap your name, or type your staff code, then enter your PIN.</source>
        <translation>L&apos;arrière-boutique est réservée aux gérants et aux administrateurs&#xa0;: touchez votre nom ou tapez votre code d&apos;employé, puis entrez votre NIP.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Sign in first: tap your name and enter your PIN, then scan.</source>
        <translation>Connectez-vous d&apos;abord&#xa0;: touchez votre nom et entrez votre NIP, puis balayez.</translation>
    </message>
</context>
<context>
    <name>BackOfficeWords</name>
    <message>
        <source>Short</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Excédent</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Mauvais article</translation>
    </message>
    <message>
        <source>Not ordered</source>
        <translation>Non commandé</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Détruit</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Theft or loss</source>
        <translation>Vol ou perte</translation>
    </message>
    <message>
        <source>Sample or testing</source>
        <translation>Échantillon ou essai</translation>
    </message>
    <message>
        <source>Returned to supplier</source>
        <translation>Retourné au fournisseur</translation>
    </message>
    <message>
        <source>Recall quarantine</source>
        <translation>Quarantaine de rappel</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Retrouvé</translation>
    </message>
    <message>
        <source>Data correction</source>
        <translation>Correction de données</translation>
    </message>
    <message>
        <source>Dried flower</source>
        <translation>Fleurs séchées</translation>
    </message>
    <message>
        <source>Pre-roll</source>
        <translation>Préroulés</translation>
    </message>
    <message>
        <source>Fresh</source>
        <translation>Cannabis frais</translation>
    </message>
    <message>
        <source>Vape</source>
        <translation>Vapoteuses</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>Edible</source>
        <translation>Comestibles</translation>
    </message>
    <message>
        <source>Beverage</source>
        <translation>Boissons</translation>
    </message>
    <message>
        <source>Oil</source>
        <translation>Huiles</translation>
    </message>
    <message>
        <source>Topical</source>
        <translation>Topiques</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graines</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>Accessoires</translation>
    </message>
</context>
<context>
    <name>CountsTab</name>
    <message>
        <source>One location</source>
        <translation>Un emplacement</translation>
    </message>
    <message>
        <source>Scan a shelf label, or type its code (VAULT-01-02-A)</source>
        <translation>Balayez une étiquette de tablette ou tapez son code (VAULT-01-02-A)</translation>
    </message>
    <message>
        <source>One category</source>
        <translation>Une catégorie</translation>
    </message>
    <message>
        <source>Type the category (Dried Flower)</source>
        <translation>Tapez la catégorie (Dried Flower)</translation>
    </message>
    <message>
        <source>Some products</source>
        <translation>Certains produits</translation>
    </message>
    <message>
        <source>Type the SKUs, separated by commas</source>
        <translation>Tapez les SKU, séparés par des virgules</translation>
    </message>
    <message>
        <source>Whole store</source>
        <translation>Tout le magasin</translation>
    </message>
    <message>
        <source>Everything in stock</source>
        <translation>Tout ce qui est en stock</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Sold / moved since start</source>
        <translation>Vendu / déplacé depuis le début</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Blind count (hide expected quantities)</source>
        <translation>Inventaire à l&apos;aveugle (quantités attendues masquées)</translation>
    </message>
    <message>
        <source>Start count</source>
        <translation>Commencer l&apos;inventaire</translation>
    </message>
    <message>
        <source>Units found on the chosen line</source>
        <translation>Unités trouvées</translation>
    </message>
    <message>
        <source>Set count</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>Soumettre l&apos;inventaire</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>Annuler l&apos;inventaire</translation>
    </message>
    <message>
        <source>Counting {scope}: scan each item, or pick a line and type what you found.</source>
        <translation>Inventaire de {scope}&#xa0;: balayez chaque article, ou choisissez une ligne et tapez ce que vous avez trouvé.</translation>
    </message>
    <message>
        <source>The count of {scope} is still open. Submit and approve it, or cancel it, before counting another shelf.</source>
        <translation>L&apos;inventaire de {scope} est encore ouvert. Soumettez-le et approuvez-le, ou annulez-le, avant de compter une autre tablette.</translation>
    </message>
    <message>
        <source>Start a count first: scan the shelf label, or pick what to count.</source>
        <translation>Commencez d&apos;abord un inventaire&#xa0;: balayez l&apos;étiquette de tablette ou choisissez quoi compter.</translation>
    </message>
    <message>
        <source>{name} · lot {lot}</source>
        <translation>{name} · lot {lot}</translation>
    </message>
    <message>
        <source>{what}: {count} counted.</source>
        <translation>{what}&#xa0;: {count} compté(s).</translation>
    </message>
    <message>
        <source>Pick the line you counted first, then type the units found.</source>
        <translation>Choisissez d&apos;abord la ligne comptée, puis tapez les unités trouvées.</translation>
    </message>
    <message>
        <source>Submitted. Check the variances, then a manager approves the count.</source>
        <translation>Soumis. Vérifiez les écarts, puis un gérant approuve l&apos;inventaire.</translation>
    </message>
    <message>
        <source>Count of {scope} approved: {lines} line(s) adjusted, {net} units in all. The hub gets it with the next sync.</source>
        <translation>Inventaire de {scope} approuvé&#xa0;: {lines} ligne(s) ajustée(s), {net} unités en tout. Le serveur central le reçoit à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The count was cancelled; nothing was adjusted.</source>
        <translation>L&apos;inventaire a été annulé; rien n&apos;a été ajusté.</translation>
    </message>
    <message>
        <source>Start a count: scan a shelf label, or pick what to count.</source>
        <translation>Commencez un inventaire&#xa0;: balayez une étiquette de tablette ou choisissez quoi compter.</translation>
    </message>
    <message>
        <source>Counting {scope}</source>
        <translation>Inventaire de {scope}</translation>
    </message>
    <message>
        <source>Expected quantities are hidden until you submit.</source>
        <translation>Les quantités attendues restent masquées jusqu&apos;à la soumission.</translation>
    </message>
    <message>
        <source>{counted} of {lines} lines counted.</source>
        <translation>{counted} ligne(s) comptée(s) sur {lines}.</translation>
    </message>
    <message>
        <source>Variance for {scope} — waiting for approval</source>
        <translation>Écarts pour {scope} — en attente d&apos;approbation</translation>
    </message>
    <message>
        <source>{count} line(s) not counted are left as they are.</source>
        <translation>{count} ligne(s) non comptée(s) restent telles quelles.</translation>
    </message>
    <message>
        <source>{differ} of {counted} counted lines differ from what was expected (at the start, plus the sales made while counting).</source>
        <translation>{differ} des {counted} lignes comptées diffèrent de ce qui était attendu (au début, plus les ventes faites pendant le compte).</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
</context>
<context>
    <name>LowStockDialog</name>
    <message>
        <source>Low stock</source>
        <translation>Stock bas</translation>
    </message>
    <message>
        <source>{count} products at or below their reorder point</source>
        <translation>{count} produits au seuil de commande ou sous celui-ci</translation>
    </message>
    <message>
        <source>Nothing is below its reorder point.</source>
        <translation>Aucun produit n&apos;est sous son seuil de commande.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commander</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Seuil de commande</translation>
    </message>
    <message>
        <source>Units to order</source>
        <translation>Unités à commander</translation>
    </message>
    <message>
        <source>Request draft order</source>
        <translation>Demander un bon de commande</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Untick what you do not want, or change the units; head office gets a draft purchase order to review and send.</source>
        <translation>Décochez ce que vous ne voulez pas ou changez les unités; le siège social reçoit un brouillon de bon de commande à vérifier et à envoyer.</translation>
    </message>
    <message>
        <source>“{text}” is not a number of units for {name}. Type a whole number.</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas un nombre d&apos;unités pour {name}. Tapez un nombre entier.</translation>
    </message>
    <message>
        <source>Asked head office for a draft purchase order: {products} products, {units} units. It goes with the next sync.</source>
        <translation>Brouillon de bon de commande demandé au siège social&#xa0;: {products} produits, {units} unités. Il part à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Ordered</source>
        <translation>Commandé</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédié</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>Reçu en partie</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>receiving here</source>
        <translation>réception ici</translation>
    </message>
    <message>
        <source>received here, sending</source>
        <translation>reçu ici, envoi en cours</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Bon de commande</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Prévu le</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Purchase orders and shipping notices for this store. Open one to receive it.</source>
        <translation>Bons de commande et avis d&apos;expédition de ce magasin. Ouvrez-en un pour le recevoir.</translation>
    </message>
</context>
<context>
    <name>PutawayTab</name>
    <message>
        <source>Scan a shelf label (LOC:…) to start, then scan the items that go on that shelf.</source>
        <translation>Balayez une étiquette de tablette (LOC:…) pour commencer, puis les articles qui vont sur cette tablette.</translation>
    </message>
    <message>
        <source>Or type a location, e.g. VAULT-01-03-B</source>
        <translation>Ou tapez un emplacement</translation>
    </message>
    <message>
        <source>Use location</source>
        <translation>Utiliser l&apos;emplacement</translation>
    </message>
    <message>
        <source>Make this their main shelf (primary)</source>
        <translation>Tablette principale</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Set quantity</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Save put-away</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Quantity of the chosen line</source>
        <translation>Quantité de la ligne</translation>
    </message>
    <message>
        <source>Move stock between shelves</source>
        <translation>Déplacer du stock entre tablettes</translation>
    </message>
    <message>
        <source>From, e.g. BACK-01-02-A</source>
        <translation>p. ex. BACK-01-02-A</translation>
    </message>
    <message>
        <source>To, e.g. VAULT-01-03-B</source>
        <translation>p. ex. VAULT-01-03-B</translation>
    </message>
    <message>
        <source>Product GTIN or SKU</source>
        <translation>GTIN ou SKU</translation>
    </message>
    <message>
        <source>Lot (if the shelf keeps lots apart)</source>
        <translation>Lot (si séparé)</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Putting away on {shelf}{notes}. Scan the items or lots for this shelf.</source>
        <translation>Rangement sur {shelf}{notes}. Balayez les articles ou les lots pour cette tablette.</translation>
    </message>
    <message>
        <source>Shelf {shelf}: now scan what goes on it.</source>
        <translation>Tablette {shelf}&#xa0;: balayez maintenant ce qui va dessus.</translation>
    </message>
    <message>
        <source>Scan a shelf label first (LOC:…), then the items that go on that shelf.</source>
        <translation>Balayez d&apos;abord une étiquette de tablette (LOC:…), puis les articles qui vont sur cette tablette.</translation>
    </message>
    <message>
        <source>{name} (lot {lot})</source>
        <translation>{name} (lot {lot})</translation>
    </message>
    <message>
        <source>Type a location like VAULT-01-03-B, or scan its shelf label.</source>
        <translation>Tapez un emplacement comme VAULT-01-03-B ou balayez son étiquette de tablette.</translation>
    </message>
    <message>
        <source>Tap a line first.</source>
        <translation>Touchez d&apos;abord une ligne.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 unité</translation>
    </message>
    <message>
        <source>{count} units</source>
        <translation>{count} unités</translation>
    </message>
    <message>
        <source>1 shelf location</source>
        <translation>1 emplacement</translation>
    </message>
    <message>
        <source>{count} shelf locations</source>
        <translation>{count} emplacements</translation>
    </message>
    <message>
        <source>Put away {units} on {shelves}. It goes to head office with the next sync.</source>
        <translation>{units} rangée(s) sur {shelves}. Le siège social le reçoit à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Moved {count} of {name} from {source} to {target}.</source>
        <translation>{count} × {name} déplacé(s) de {source} vers {target}.</translation>
    </message>
</context>
<context>
    <name>RecallsTab</name>
    <message>
        <source>not shelved</source>
        <translation>pas sur une tablette</translation>
    </message>
    <message>
        <source>Head office recalls lots; the register refuses them. Quarantine takes what is still on hand out of stock, with the reason “recall quarantine”.</source>
        <translation>Le siège social rappelle des lots; la caisse les refuse. La quarantaine retire du stock ce qui reste en magasin, avec le motif «&#xa0;quarantaine de rappel&#xa0;».</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Quarantine the chosen lot</source>
        <translation>Mettre le lot choisi en quarantaine</translation>
    </message>
    <message>
        <source>Recalled lots ({count})</source>
        <translation>Lots rappelés ({count})</translation>
    </message>
    <message>
        <source>No recalled lots at this store</source>
        <translation>Aucun lot rappelé dans ce magasin</translation>
    </message>
    <message>
        <source>Recalled lots</source>
        <translation>Lots rappelés</translation>
    </message>
    <message>
        <source>Tap a recalled lot first.</source>
        <translation>Touchez d&apos;abord un lot rappelé.</translation>
    </message>
    <message>
        <source>Quarantined 1 unit of lot {lot} ({name}): it is out of stock now. Set it aside for the producer.</source>
        <translation>1 unité du lot {lot} ({name}) mise en quarantaine&#xa0;: elle est retirée du stock. Mettez-la de côté pour le producteur.</translation>
    </message>
    <message>
        <source>Quarantined {count} units of lot {lot} ({name}): they are out of stock now. Set them aside for the producer.</source>
        <translation>{count} unités du lot {lot} ({name}) mises en quarantaine&#xa0;: elles sont retirées du stock. Mettez-les de côté pour le producteur.</translation>
    </message>
</context>
<context>
    <name>ReceivingLines</name>
    <message>
        <source>Product · SKU</source>
        <translation>Produit · SKU</translation>
    </message>
    <message>
        <source>GTIN each · case</source>
        <translation>GTIN unité · caisse</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>ASN lot</source>
        <translation>Lot de l&apos;avis</translation>
    </message>
    <message>
        <source>Lots received</source>
        <translation>Lots reçus</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source> · exp {date}</source>
        <translation> · exp. {date}</translation>
    </message>
    <message>
        <source> · not on notice</source>
        <translation> · absent de l&apos;avis</translation>
    </message>
    <message>
        <source>no case GTIN</source>
        <translation>aucun GTIN de caisse</translation>
    </message>
    <message>
        <source>Not ordered — receive</source>
        <translation>Non commandé — recevoir</translation>
    </message>
    <message>
        <source>Not ordered — reject</source>
        <translation>Non commandé — refuser</translation>
    </message>
    <message>
        <source>Not ordered — decide</source>
        <translation>Non commandé — à décider</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Over by {count}</source>
        <translation>Excédent de {count}</translation>
    </message>
    <message>
        <source>Short {count}</source>
        <translation>Manque {count}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>ReceivingTab</name>
    <message>
        <source>No, go back</source>
        <translation>Non, revenir</translation>
    </message>
    <message>
        <source>Set quantity</source>
        <translation>Inscrire la quantité</translation>
    </message>
    <message>
        <source>Receive item</source>
        <translation>Recevoir l&apos;article</translation>
    </message>
    <message>
        <source>Reject item</source>
        <translation>Refuser l&apos;article</translation>
    </message>
    <message>
        <source>Selected line:</source>
        <translation>Ligne choisie&#xa0;:</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Imprimer le sommaire</translation>
    </message>
    <message>
        <source>Print shelf labels</source>
        <translation>Imprimer les étiquettes</translation>
    </message>
    <message>
        <source>Finish receiving</source>
        <translation>Terminer la réception</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>No reason</source>
        <translation>Aucun motif</translation>
    </message>
    <message>
        <source>Tap a purchase order in the list first, then Open.</source>
        <translation>Touchez d&apos;abord un bon de commande dans la liste, puis Ouvrir.</translation>
    </message>
    <message>
        <source>Receiving {order}. Scan items, cases or case labels.</source>
        <translation>Réception de {order}. Balayez les articles, les caisses ou les étiquettes de caisse.</translation>
    </message>
    <message>
        <source>Open a purchase order first: tap it in the list, then Open. Then scan.</source>
        <translation>Ouvrez d&apos;abord un bon de commande&#xa0;: touchez-le dans la liste, puis Ouvrir. Balayez ensuite.</translation>
    </message>
    <message>
        <source>Answer the question above first (Yes or No), then scan again.</source>
        <translation>Répondez d&apos;abord à la question ci-dessus (Oui ou Non), puis balayez de nouveau.</translation>
    </message>
    <message>
        <source>{name} is not on this order. Receive it or reject it (buttons below).</source>
        <translation>{name} n&apos;est pas sur ce bon de commande. Recevez-le ou refusez-le (boutons ci-dessous).</translation>
    </message>
    <message>
        <source>{name}: lot {lot} is not the lot on the shipping notice ({expected}). It is received and flagged.</source>
        <translation>{name}&#xa0;: le lot {lot} n&apos;est pas celui de l&apos;avis d&apos;expédition ({expected}). Il est reçu et signalé.</translation>
    </message>
    <message>
        <source>{name}: +{added}, {received} of {expected}.</source>
        <translation>{name}&#xa0;: +{added}, {received} sur {expected}.</translation>
    </message>
    <message>
        <source>Yes, receive {count} extra</source>
        <translation>Oui, recevoir {count} de plus</translation>
    </message>
    <message>
        <source>Type the quantity received as a whole number, like 12, then Set quantity.</source>
        <translation>Tapez la quantité reçue en nombre entier, comme 12, puis Inscrire la quantité.</translation>
    </message>
    <message>
        <source>{name} is on the order; type its quantity instead.</source>
        <translation>{name} est sur le bon de commande; tapez plutôt sa quantité.</translation>
    </message>
    <message>
        <source>Receive {count} × {name}, which was not ordered? It goes into stock and the hub records it as not ordered.</source>
        <translation>Recevoir {count} × {name}, qui n&apos;a pas été commandé? Il entre en stock et le serveur central l&apos;inscrit comme non commandé.</translation>
    </message>
    <message>
        <source>Yes, receive it</source>
        <translation>Oui, le recevoir</translation>
    </message>
    <message>
        <source>Finish receiving {order}: {units} units, {count} line(s) with a discrepancy.</source>
        <translation>Terminer la réception de {order}&#xa0;: {units} unités, {count} ligne(s) avec un écart.</translation>
    </message>
    <message>
        <source>Finish receiving {order}: {units} units, all as ordered.</source>
        <translation>Terminer la réception de {order}&#xa0;: {units} unités, tout comme commandé.</translation>
    </message>
    <message>
        <source>This cannot be undone here.</source>
        <translation>Impossible d&apos;annuler ici.</translation>
    </message>
    <message>
        <source>Yes, finish</source>
        <translation>Oui, terminer</translation>
    </message>
    <message>
        <source>Received {units} units. The stock is on hand now; the hub gets it with the next sync.</source>
        <translation>{units} unités reçues. Le stock est disponible maintenant; le serveur central le reçoit à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <source>Receiving {order}</source>
        <translation>Réception de {order}</translation>
    </message>
    <message>
        <source>{received} of {expected} units received · {lines} lines · {issues} with a discrepancy</source>
        <translation>{received} unités reçues sur {expected} · {lines} lignes · {issues} avec un écart</translation>
    </message>
    <message>
        <source>Tap a line first, then change it.</source>
        <translation>Touchez d&apos;abord une ligne, puis modifiez-la.</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Ventes nettes</translation>
    </message>
    <message>
        <source>Average basket</source>
        <translation>Panier moyen</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabais</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Annulations</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Comptant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxe</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Perçue</translation>
    </message>
    <message>
        <source>Top sellers</source>
        <translation>Meilleurs vendeurs</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Net sales by hour</source>
        <translation>Ventes nettes par heure</translation>
    </message>
    <message>
        <source>Today at the store</source>
        <translation>Aujourd&apos;hui au magasin</translation>
    </message>
    <message>
        <source>Asking the hub for the latest figures…</source>
        <translation>Demande des derniers chiffres au serveur central…</translation>
    </message>
    <message>
        <source>The hub could not be asked for today&apos;s figures: {reason} The figures on screen are the last ones it sent.</source>
        <translation>Impossible de demander les chiffres du jour au serveur central&#xa0;: {reason} Les chiffres à l&apos;écran sont les derniers qu&apos;il a envoyés.</translation>
    </message>
    <message>
        <source>Today at the store, {day}</source>
        <translation>Aujourd&apos;hui au magasin, {day}</translation>
    </message>
    <message>
        <source>The hub has not sent today&apos;s figures to this terminal yet.</source>
        <translation>Le serveur central n&apos;a pas encore envoyé les chiffres du jour à ce poste.</translation>
    </message>
    <message>
        <source>Figures from the hub as of {time}.</source>
        <translation>Chiffres du serveur central à {time}.</translation>
    </message>
    <message>
        <source>1 sale made on this terminal has not reached the hub yet and is not in them.</source>
        <translation>1 vente faite à ce poste n&apos;a pas encore atteint le serveur central et n&apos;y figure pas.</translation>
    </message>
    <message>
        <source>{count} sales made on this terminal have not reached the hub yet and are not in them.</source>
        <translation>{count} ventes faites à ce poste n&apos;ont pas encore atteint le serveur central et n&apos;y figurent pas.</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Seuil de commande</translation>
    </message>
    <message>
        <source>Scan a product, or type a name, brand or SKU</source>
        <translation>Balayez un produit, ou tapez un nom, une marque ou un SKU</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Low stock…</source>
        <translation>Stock bas…</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Lots, soonest expiry first</source>
        <translation>Lots, expiration la plus proche d&apos;abord</translation>
    </message>
    <message>
        <source>Shelf locations</source>
        <translation>Emplacements sur tablette</translation>
    </message>
    <message>
        <source>Scan a product or search for one.</source>
        <translation>Balayez un produit ou recherchez-en un.</translation>
    </message>
    <message>
        <source>Type part of a name, brand or SKU first, or scan the product.</source>
        <translation>Tapez d&apos;abord une partie d&apos;un nom, d&apos;une marque ou d&apos;un SKU, ou balayez le produit.</translation>
    </message>
    <message>
        <source>{count} on hand</source>
        <translation>{count} en stock</translation>
    </message>
    <message>
        <source>No cannabis product matches “{text}”. Check the spelling, or scan the product.</source>
        <translation>Aucun produit de cannabis ne correspond à «&#xa0;{text}&#xa0;». Vérifiez l&apos;orthographe ou balayez le produit.</translation>
    </message>
    <message>
        <source> · case GTIN {gtin} (× {count})</source>
        <translation> · GTIN de caisse {gtin} (× {count})</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Rappelé</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
</context>
</TS>
