<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AgeCheckDialog</name>
    <message>
        <source>An ID was refused in this sale, so your own check is not enough. Scan another valid ID, or ask a manager to approve with their PIN and a reason.</source>
        <translation>Une pièce d&apos;identité a été refusée dans cette vente&#xa0;: votre propre vérification ne suffit plus. Balayez une autre pièce valide, ou demandez à un gérant d&apos;approuver avec son NIP et une raison.</translation>
    </message>
    <message>
        <source>Check the customer&apos;s age</source>
        <translation>Vérifier l&apos;âge du client</translation>
    </message>
    <message>
        <source>This sale has cannabis. The customer must be {age} or older in {province}.
Scan the back of their driver&apos;s licence or ID card now.</source>
        <translation>Cette vente contient du cannabis. Le client doit avoir {age} ans ou plus en {province}.
Balayez maintenant le verso de son permis de conduire ou de sa carte d&apos;identité.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Manager override</source>
        <translation>Approbation du gérant</translation>
    </message>
    <message>
        <source>I checked their ID: {age}+</source>
        <translation>J&apos;ai vérifié sa pièce&#xa0;: {age}+</translation>
    </message>
    <message>
        <source>Refused earlier in this sale. {why}</source>
        <translation>Refusé plus tôt dans cette vente. {why}</translation>
    </message>
</context>
<context>
    <name>BootstrapDialog</name>
    <message>
        <source>Getting the store</source>
        <translation>Réception du magasin</translation>
    </message>
    <message>
        <source>Fetching the catalog, staff and stock from the hub…</source>
        <translation>Récupération du catalogue, du personnel et du stock depuis le serveur central…</translation>
    </message>
    <message>
        <source>Received {done} of {total} records…</source>
        <translation>{done} enregistrements reçus sur {total}…</translation>
    </message>
    <message>
        <source>{why} The terminal keeps what it has; try again when the hub answers.</source>
        <translation>{why} Le poste garde ce qu&apos;il a; réessayez quand le serveur central répondra.</translation>
    </message>
</context>
<context>
    <name>CardMoneyDialog</name>
    <message>
        <source>{amount} has been taken by card on this sale. Before the register closes, finish the sale, or void the card payments so the money goes back to the customer&apos;s card.</source>
        <translation>{amount} a été payé par carte dans cette vente. Avant de fermer la caisse, terminez la vente, ou annulez les paiements par carte pour que l&apos;argent retourne sur la carte du client.</translation>
    </message>
    <message>
        <source>The register stopped before this sale was finished, after {amount} had been taken by card. Finish the sale, or void the card payments so the money goes back to the customer&apos;s card.</source>
        <translation>La caisse s&apos;est arrêtée avant la fin de cette vente, après un paiement de {amount} par carte. Terminez la vente, ou annulez les paiements par carte pour que l&apos;argent retourne sur la carte du client.</translation>
    </message>
    <message>
        <source>Card payment on this sale</source>
        <translation>Paiement par carte dans cette vente</translation>
    </message>
    <message>
        <source>The items stay in the cart either way.</source>
        <translation>Les articles restent dans le panier dans les deux cas.</translation>
    </message>
    <message>
        <source>Void card payments</source>
        <translation>Annuler les paiements par carte</translation>
    </message>
    <message>
        <source>Finish the sale</source>
        <translation>Terminer la vente</translation>
    </message>
    <message>
        <source>No card terminal is set up on this register.</source>
        <translation>Aucun terminal de paiement n&apos;est configuré sur cette caisse.</translation>
    </message>
</context>
<context>
    <name>CardWaitDialog</name>
    <message>
        <source>Card payment of {amount}</source>
        <translation>Paiement par carte de {amount}</translation>
    </message>
    <message>
        <source>Ask the customer to tap, insert or swipe their card on the terminal.</source>
        <translation>Demandez au client de présenter, d&apos;insérer ou de glisser sa carte au terminal.</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
    <message>
        <source>Check payment</source>
        <translation>Vérifier le paiement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Waiting {seconds} s</source>
        <translation>Attente&#xa0;: {seconds} s</translation>
    </message>
    <message>
        <source>Cancelling at the terminal…</source>
        <translation>Annulation au terminal…</translation>
    </message>
    <message>
        <source>Asking the terminal about this payment…</source>
        <translation>Vérification de ce paiement auprès du terminal…</translation>
    </message>
</context>
<context>
    <name>CartFlow</name>
    <message>
        <source>Scan an item first, then choose it in the cart.</source>
        <translation>Balayez d&apos;abord un article, puis choisissez-le dans le panier.</translation>
    </message>
    <message>
        <source>Ticket {number} is cancelled: the customer takes none of it, and its items are free for other customers again.</source>
        <translation>La commande {number} est annulée&#xa0;: le client ne prend rien, et ses articles sont de nouveau offerts aux autres clients.</translation>
    </message>
    <message>
        <source>Scan items before giving a cart discount.</source>
        <translation>Balayez des articles avant d&apos;accorder un rabais sur le panier.</translation>
    </message>
    <message>
        <source>whole cart</source>
        <translation>tout le panier</translation>
    </message>
    <message>
        <source>Scan items before entering a discount code.</source>
        <translation>Balayez des articles avant d&apos;entrer un code promo.</translation>
    </message>
    <message>
        <source>Code {code} applied.</source>
        <translation>Code {code} appliqué.</translation>
    </message>
    <message>
        <source>Parked: {label}. Resume it with F8.</source>
        <translation>En attente&#xa0;: {label}. Reprenez-la avec F8.</translation>
    </message>
    <message>
        <source>These items can no longer be sold and were left out: {items}.</source>
        <translation>Ces articles ne peuvent plus être vendus et ont été retirés&#xa0;: {items}.</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabais</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>{promotion}: {amount} off this line</source>
        <translation>{promotion}&#xa0;: {amount} de rabais sur cette ligne</translation>
    </message>
    <message>
        <source>(lot {lot})</source>
        <translation>(lot {lot})</translation>
    </message>
    <message>
        <source>can&apos;t be sold</source>
        <translation>ne peut pas être vendu</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash drop (to the safe)</source>
        <translation>Dépôt (au coffre-fort)</translation>
    </message>
    <message>
        <source>Paid-out (cash paid for something)</source>
        <translation>Sortie de fonds (achat payé comptant)</translation>
    </message>
    <message>
        <source>Cash drop or paid-out</source>
        <translation>Dépôt ou sortie de fonds</translation>
    </message>
    <message>
        <source>What it was for (required for a paid-out)</source>
        <translation>Motif (obligatoire pour une sortie de fonds)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>CheckoutFlow</name>
    <message>
        <source>Only a sale with cannabis needs an age check.</source>
        <translation>Seule une vente avec du cannabis demande une vérification de l&apos;âge.</translation>
    </message>
    <message>
        <source>An ID was refused in this sale. A manager who has checked the customer&apos;s age can let it go on: the reason first, then the manager&apos;s code and PIN.</source>
        <translation>Une pièce d&apos;identité a été refusée dans cette vente. Un gérant qui a vérifié l&apos;âge du client peut la laisser continuer&#xa0;: la raison d&apos;abord, puis le code et le NIP du gérant.</translation>
    </message>
    <message>
        <source>Reason, e.g. valid passport checked</source>
        <translation>Raison, p. ex. passeport valide vérifié</translation>
    </message>
    <message>
        <source>There is nothing to pay for yet. Scan an item first.</source>
        <translation>Il n&apos;y a encore rien à payer. Balayez d&apos;abord un article.</translation>
    </message>
    <message>
        <source>Card terminal: ready</source>
        <translation>Terminal&#xa0;: prêt</translation>
    </message>
    <message>
        <source>Card terminal: not answering</source>
        <translation>Terminal&#xa0;: ne répond pas</translation>
    </message>
    <message>
        <source>Sale {number} complete. Change due: {change}.</source>
        <translation>Vente {number} terminée. Monnaie à rendre&#xa0;: {change}.</translation>
    </message>
    <message>
        <source>Sale {number} complete.</source>
        <translation>Vente {number} terminée.</translation>
    </message>
    <message>
        <source>Reprint  Ctrl+R</source>
        <translation>Réimprimer  Ctrl+R</translation>
    </message>
    <message>
        <source>{done} The receipt did not print: {why}</source>
        <translation>{done} Le reçu n&apos;a pas été imprimé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Printing the last receipt again…</source>
        <translation>Réimpression du dernier reçu…</translation>
    </message>
    <message>
        <source>Reprint:</source>
        <translation>Réimpression&#xa0;:</translation>
    </message>
    <message>
        <source>The last receipt was printed again.</source>
        <translation>Le dernier reçu a été réimprimé.</translation>
    </message>
    <message>
        <source>The sale is not complete.</source>
        <translation>La vente n&apos;est pas terminée.</translation>
    </message>
    <message>
        <source>Give the customer back the {amount} cash they handed over.</source>
        <translation>Rendez au client les {amount} en argent comptant qu&apos;il a remis.</translation>
    </message>
    <message>
        <source>The card payment stays on the sale.</source>
        <translation>Le paiement par carte reste sur la vente.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close the shift: count the drawer</source>
        <translation>Fermer le quart&#xa0;: compter le tiroir-caisse</translation>
    </message>
    <message>
        <source>Count the cash in the drawer by bill and coin, then tap Done counting.</source>
        <translation>Comptez l&apos;argent du tiroir-caisse par billet et par pièce, puis touchez Compte terminé.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Attendu dans le tiroir</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Recompter</translation>
    </message>
    <message>
        <source>Done counting</source>
        <translation>Compte terminé</translation>
    </message>
    <message>
        <source>Close shift and print Z report</source>
        <translation>Fermer le quart et imprimer le rapport Z</translation>
    </message>
    <message>
        <source>The variance is over the store&apos;s limit of {limit}: a manager must approve it.</source>
        <translation>L&apos;écart dépasse la limite du magasin de {limit}&#xa0;: un gérant doit l&apos;approuver.</translation>
    </message>
    <message>
        <source>Check the figures, then close the shift.</source>
        <translation>Vérifiez les montants, puis fermez le quart.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Discount code</source>
        <translation>Code promo</translation>
    </message>
    <message>
        <source>On this sale: {codes}.</source>
        <translation>Sur cette vente&#xa0;: {codes}.</translation>
    </message>
    <message>
        <source>No code on this sale yet.</source>
        <translation>Aucun code sur cette vente pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Type or scan the code the customer gives. {already}</source>
        <translation>Tapez ou balayez le code que donne le client. {already}</translation>
    </message>
    <message>
        <source>Discount code, e.g. WELCOME10</source>
        <translation>Code promo, p. ex. WELCOME10</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Apply code  [Enter]</source>
        <translation>Appliquer le code  [Entrée]</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>1 item</source>
        <translation>1 article</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} articles</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>{store} — Customer display</source>
        <translation>{store} — Afficheur client</translation>
    </message>
</context>
<context>
    <name>DenominationCounter</name>
    <message>
        <source>$100</source>
        <translation>100 $</translation>
    </message>
    <message>
        <source>$50</source>
        <translation>50 $</translation>
    </message>
    <message>
        <source>$20</source>
        <translation>20 $</translation>
    </message>
    <message>
        <source>$10</source>
        <translation>10 $</translation>
    </message>
    <message>
        <source>$5</source>
        <translation>5 $</translation>
    </message>
    <message>
        <source>Toonie ($2)</source>
        <translation>Pièce de 2 $</translation>
    </message>
    <message>
        <source>Loonie ($1)</source>
        <translation>Huard (1 $)</translation>
    </message>
    <message>
        <source>25¢</source>
        <translation>25 ¢</translation>
    </message>
    <message>
        <source>10¢</source>
        <translation>10 ¢</translation>
    </message>
    <message>
        <source>5¢</source>
        <translation>5 ¢</translation>
    </message>
    <message>
        <source>Number of {denomination}</source>
        <translation>Nombre de {denomination}</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount: {target}</source>
        <translation>Rabais&#xa0;: {target}</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Amount off ($)</source>
        <translation>Montant ($)</translation>
    </message>
    <message>
        <source>e.g. 10</source>
        <translation>p. ex. 10</translation>
    </message>
    <message>
        <source>0 removes the discount. Over your limit, a manager approves with their PIN.</source>
        <translation>0 retire le rabais. Au-delà de votre limite, un gérant approuve avec son NIP.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>{text} is not a number. Type it like 10 or 2.50.</source>
        <translation>{text} n&apos;est pas un nombre. Tapez-le comme 10 ou 2,50.</translation>
    </message>
    <message>
        <source>Choose a reason for the discount, then tap Apply.</source>
        <translation>Choisissez une raison pour le rabais, puis touchez Appliquer.</translation>
    </message>
</context>
<context>
    <name>DrawerMenu</name>
    <message>
        <source>Drawer and shift</source>
        <translation>Tiroir-caisse et quart de travail</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ouvrir le quart</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>Cash drop / paid-out</source>
        <translation>Dépôt / sortie de fonds</translation>
    </message>
    <message>
        <source>No sale (open drawer)</source>
        <translation>Aucune vente (ouvrir le tiroir)</translation>
    </message>
    <message>
        <source>Reprint last receipt</source>
        <translation>Réimprimer le dernier reçu</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Fermer le quart</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Rupture de stock</translation>
    </message>
    <message>
        <source>{count}, none sellable</source>
        <translation>{count}, aucun vendable</translation>
    </message>
    <message>
        <source>{product} can&apos;t be sold: nothing is in stock. If it is picked, the cart marks it and payment waits until it is removed.</source>
        <translation>{product} ne peut pas être vendu&#xa0;: rien n&apos;est en stock. S&apos;il est choisi, le panier le signale et le paiement attend qu&apos;il soit retiré.</translation>
    </message>
    <message>
        <source>{product} can&apos;t be sold: what is in stock is expired or recalled. If it is picked, the cart marks it and payment waits until it is removed.</source>
        <translation>{product} ne peut pas être vendu&#xa0;: le stock est périmé ou rappelé. S&apos;il est choisi, le panier le signale et le paiement attend qu&apos;il soit retiré.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
</context>
<context>
    <name>KioskTicketsDialog</name>
    <message>
        <source>No kiosk tickets are waiting. A ticket shows here as soon as a customer sends it from a kiosk.</source>
        <translation>Aucune commande de borne en attente. Une commande s&apos;affiche ici dès qu&apos;un client l&apos;envoie d&apos;une borne.</translation>
    </message>
    <message>
        <source>Kiosk tickets</source>
        <translation>Commandes des bornes</translation>
    </message>
    <message>
        <source>Ticket number, e.g. K-3001, or scan the ticket&apos;s QR code</source>
        <translation>Numéro de commande, p. ex. K-3001, ou balayez son code QR</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Load ticket</source>
        <translation>Charger la commande</translation>
    </message>
    <message>
        <source>{number}   ·   {items}   ·   {total}   ·   sent at {time}</source>
        <translation>{number}   ·   {items}   ·   {total}   ·   envoyée à {time}</translation>
    </message>
    <message>
        <source>{count} waiting, oldest first. Prices are this register&apos;s, taxes included; the kiosk&apos;s were an estimate.</source>
        <translation>{count} en attente, la plus ancienne d&apos;abord. Les prix sont ceux de cette caisse, taxes incluses; ceux de la borne étaient une estimation.</translation>
    </message>
    <message>
        <source>Choose a ticket in the list, or type its number.</source>
        <translation>Choisissez une commande dans la liste, ou tapez son numéro.</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>{language} (Ctrl+L switches)</source>
        <translation>{language} (Ctrl+L pour changer)</translation>
    </message>
</context>
<context>
    <name>LimitMeter</name>
    <message>
        <source>{grams} g of 30 g</source>
        <translation>{grams} g sur 30 g</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Type your new PIN again, to be sure, then press OK.</source>
        <translation>Tapez de nouveau votre nouveau NIP pour confirmer, puis appuyez sur OK.</translation>
    </message>
    <message>
        <source>Your PIN was set by a manager.</source>
        <translation>Votre NIP a été attribué par un gérant.</translation>
    </message>
    <message>
        <source>Type your new PIN (4 to 8 digits), then press OK.</source>
        <translation>Tapez votre nouveau NIP (4 à 8 chiffres), puis appuyez sur OK.</translation>
    </message>
    <message>
        <source>Choose your new PIN</source>
        <translation>Choisissez votre nouveau NIP</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>A PIN only you know: not your birthday, and not the one the manager gave you.</source>
        <translation>Un NIP que vous seul connaissez&#xa0;: ni votre date de naissance, ni celui que le gérant vous a donné.</translation>
    </message>
    <message>
        <source>Tap your name, or type your staff code, then enter your PIN.</source>
        <translation>Touchez votre nom, ou tapez votre code d&apos;employé, puis entrez votre NIP.</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Code d&apos;employé</translation>
    </message>
    <message>
        <source>Cancel new PIN</source>
        <translation>Annuler le nouveau NIP</translation>
    </message>
    <message>
        <source>Tap your name or type your staff code first, then your PIN.</source>
        <translation>Touchez votre nom ou tapez d&apos;abord votre code d&apos;employé, puis votre NIP.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Register</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>{store} — {mode} {number}</source>
        <translation>{store} — {mode} {number}</translation>
    </message>
    <message>
        <source>{mode} · Terminal {number}</source>
        <translation>{mode} · Poste {number}</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Sync status, Sync now, and (for managers) what the hub refused</source>
        <translation>État de la synchro, Synchroniser maintenant et (pour les gérants) ce que le serveur central a refusé</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>No one signed in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>Shift: open since {time}</source>
        <translation>Quart ouvert à {time}</translation>
    </message>
    <message>
        <source>Shift: not open</source>
        <translation>Quart non ouvert</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>NumPad</name>
    <message>
        <source>Clear</source>
        <translation>Eff.</translation>
    </message>
</context>
<context>
    <name>OpenSaleFlow</name>
    <message>
        <source>The sale left open at this till is back: {items}, {total}.</source>
        <translation>La vente laissée ouverte à cette caisse est de retour&#xa0;: {items}, {total}.</translation>
    </message>
    <message>
        <source>Payments already taken: {amount}.</source>
        <translation>Paiements déjà reçus&#xa0;: {amount}.</translation>
    </message>
    <message>
        <source>These items can no longer be sold and were left out: {items}.</source>
        <translation>Ces articles ne peuvent plus être vendus et ont été retirés&#xa0;: {items}.</translation>
    </message>
    <message>
        <source>{amount} taken earlier does not fit the sale any more; a manager will see it among the card payments with no sale.</source>
        <translation>{amount} reçu plus tôt ne correspond plus à la vente; un gérant le verra parmi les paiements par carte sans vente.</translation>
    </message>
    <message>
        <source>Asking the card terminal to reverse the card payments…</source>
        <translation>Demande au terminal de paiement d&apos;annuler les paiements par carte…</translation>
    </message>
    <message>
        <source>The card payments of {amount} were reversed: the money goes back to the customer&apos;s card. The items are still in the cart.</source>
        <translation>Les paiements par carte de {amount} ont été annulés&#xa0;: l&apos;argent retourne sur la carte du client. Les articles sont toujours dans le panier.</translation>
    </message>
    <message>
        <source>{count} more after this one.</source>
        <translation>{count} autre(s) après celui-ci.</translation>
    </message>
    <message>
        <source>Void it (manager)</source>
        <translation>L&apos;annuler (gérant)</translation>
    </message>
    <message>
        <source>The card payment of {amount} was voided: the money goes back to the customer&apos;s card.</source>
        <translation>Le paiement par carte de {amount} a été annulé&#xa0;: l&apos;argent retourne sur la carte du client.</translation>
    </message>
    <message>
        <source>Voiding a card payment needs a manager.</source>
        <translation>L&apos;annulation d&apos;un paiement par carte demande un gérant.</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open the shift: count the float</source>
        <translation>Ouvrir le quart&#xa0;: compter le fonds de caisse</translation>
    </message>
    <message>
        <source>Count the cash in the drawer by bill and coin.</source>
        <translation>Comptez l&apos;argent du tiroir-caisse par billet et par pièce.</translation>
    </message>
    <message>
        <source>Open with no cash in the drawer? The float counted is {amount}.</source>
        <translation>Ouvrir sans argent dans le tiroir? Le fonds de caisse compté est de {amount}.</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ouvrir le quart</translation>
    </message>
    <message>
        <source>Yes, open with {amount}</source>
        <translation>Oui, ouvrir avec {amount}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Approbation du gérant</translation>
    </message>
    <message>
        <source>Manager&apos;s staff code</source>
        <translation>Code d&apos;employé du gérant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type the reason for this override first, then the manager&apos;s code and PIN.</source>
        <translation>Tapez d&apos;abord la raison de cette approbation, puis le code et le NIP du gérant.</translation>
    </message>
    <message>
        <source>Type the manager&apos;s staff code first, then their PIN.</source>
        <translation>Tapez d&apos;abord le code d&apos;employé du gérant, puis son NIP.</translation>
    </message>
</context>
<context>
    <name>ParkedSalesDialog</name>
    <message>
        <source>Park or resume a sale</source>
        <translation>Mettre une vente en attente ou la reprendre</translation>
    </message>
    <message>
        <source>Label, e.g. the customer&apos;s name or jacket colour</source>
        <translation>Étiquette, p. ex. le nom du client ou la couleur de son manteau</translation>
    </message>
    <message>
        <source>Park the sale on screen:</source>
        <translation>Mettre en attente la vente à l&apos;écran&#xa0;:</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
    <message>
        <source>Parked sales ({count}):</source>
        <translation>Ventes en attente ({count})&#xa0;:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Resume selected</source>
        <translation>Reprendre la sélection</translation>
    </message>
    <message>
        <source>Park this sale</source>
        <translation>Mettre cette vente en attente</translation>
    </message>
</context>
<context>
    <name>PaymentFigures</name>
    <message>
        <source>Paid by card</source>
        <translation>Payé par carte</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Comptant reçu</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Arrondi au comptant</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Quantity: {product}</source>
        <translation>Quantité&#xa0;: {product}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set quantity  [Enter]</source>
        <translation>Fixer la quantité  [Entrée]</translation>
    </message>
</context>
<context>
    <name>ReasonChoice</name>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisissez une raison…</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s code, or type its number</source>
        <translation>Balayez le code du reçu, ou tapez son numéro</translation>
    </message>
    <message>
        <source>Find sale</source>
        <translation>Trouver la vente</translation>
    </message>
    <message>
        <source>Tick Damaged for items that must not go back on the shelf.</source>
        <translation>Cochez Endommagé pour les articles qui ne doivent pas retourner en tablette.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Comptant</translation>
    </message>
    <message>
        <source>Back to the original card</source>
        <translation>Sur la carte d&apos;origine</translation>
    </message>
    <message>
        <source>Pay back by:</source>
        <translation>Rembourser par&#xa0;:</translation>
    </message>
    <message>
        <source>Why is it coming back? Choose a reason…</source>
        <translation>Pourquoi ce retour? Choisissez une raison…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refund</source>
        <comment>button</comment>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>Refund</source>
        <comment>column: how many to refund</comment>
        <translation>À rembourser</translation>
    </message>
    <message>
        <source>To pay back: {amount}</source>
        <translation>À rembourser&#xa0;: {amount}</translation>
    </message>
    <message>
        <source>Choose why the items are coming back, then tap Refund.</source>
        <translation>Choisissez la raison du retour, puis touchez Rembourser.</translation>
    </message>
</context>
<context>
    <name>RefundFlow</name>
    <message>
        <source>Finish or park the sale on screen before a refund.</source>
        <translation>Terminez ou mettez en attente la vente à l&apos;écran avant un remboursement.</translation>
    </message>
    <message>
        <source>A refund needs a manager&apos;s approval.</source>
        <translation>Un remboursement demande l&apos;approbation d&apos;un gérant.</translation>
    </message>
    <message>
        <source>Refunded {amount} on sale {number} (cash).</source>
        <translation>{amount} remboursé sur la vente {number} (comptant).</translation>
    </message>
    <message>
        <source>Refunded {amount} on sale {number} (to the card).</source>
        <translation>{amount} remboursé sur la vente {number} (sur la carte).</translation>
    </message>
    <message>
        <source>Follow the card terminal: the refund is on its way to the customer&apos;s card…</source>
        <translation>Suivez le terminal de paiement&#xa0;: le remboursement s&apos;en va sur la carte du client…</translation>
    </message>
    <message>
        <source>Finish or park the sale on screen before voiding another one.</source>
        <translation>Terminez ou mettez en attente la vente à l&apos;écran avant d&apos;en annuler une autre.</translation>
    </message>
    <message>
        <source>Voiding a sale needs a manager&apos;s approval.</source>
        <translation>L&apos;annulation d&apos;une vente demande l&apos;approbation d&apos;un gérant.</translation>
    </message>
    <message>
        <source>Sale {number} is voided: {amount} goes back the way it was paid.</source>
        <translation>La vente {number} est annulée&#xa0;: {amount} est rendu selon le mode de paiement d&apos;origine.</translation>
    </message>
    <message>
        <source>Sale {number} voided.</source>
        <translation>Vente {number} annulée.</translation>
    </message>
</context>
<context>
    <name>RegisterScans</name>
    <message>
        <source>An item was scanned during payment and was not added: it would change what the customer owes. Go back to the sale (Esc) to add it, then pay.</source>
        <translation>Un article a été balayé pendant le paiement et n&apos;a pas été ajouté&#xa0;: il changerait le montant dû par le client. Revenez à la vente (Échap) pour l&apos;ajouter, puis payez.</translation>
    </message>
    <message>
        <source>An item was scanned while the card terminal is taking the payment and was not added. When the payment is done or cancelled, scan it again.</source>
        <translation>Un article a été balayé pendant que le terminal de paiement traite le paiement et n&apos;a pas été ajouté. Quand le paiement sera terminé ou annulé, balayez-le de nouveau.</translation>
    </message>
    <message>
        <source>An item was scanned during the age check and was not added. Finish the age check (or cancel it), then scan the item again.</source>
        <translation>Un article a été balayé pendant la vérification de l&apos;âge et n&apos;a pas été ajouté. Terminez (ou annulez) la vérification, puis balayez l&apos;article de nouveau.</translation>
    </message>
    <message>
        <source>An item was scanned while parking or resuming a sale and was not added: close this window, then scan it into the sale in front.</source>
        <translation>Un article a été balayé pendant la mise en attente ou la reprise d&apos;une vente et n&apos;a pas été ajouté&#xa0;: fermez cette fenêtre, puis balayez-le dans la vente à l&apos;écran.</translation>
    </message>
    <message>
        <source>An item was scanned and was not added: close this window first, then scan it again.</source>
        <translation>Un article a été balayé et n&apos;a pas été ajouté&#xa0;: fermez d&apos;abord cette fenêtre, puis balayez-le de nouveau.</translation>
    </message>
    <message>
        <source>A receipt was scanned. To refund or void that sale, close this window first, then scan the receipt again.</source>
        <translation>Un reçu a été balayé. Pour rembourser ou annuler cette vente, fermez d&apos;abord cette fenêtre, puis balayez le reçu de nouveau.</translation>
    </message>
    <message>
        <source>An ID was scanned. To check the customer&apos;s age, close this window first, then scan the ID again (or press F7).</source>
        <translation>Une pièce d&apos;identité a été balayée. Pour vérifier l&apos;âge du client, fermez d&apos;abord cette fenêtre, puis balayez la pièce de nouveau (ou appuyez sur F7).</translation>
    </message>
    <message>
        <source>A kiosk ticket was scanned. To ring it up, close this window first, then scan the ticket again (or press Shift+F8).</source>
        <translation>Une commande de borne a été balayée. Pour l&apos;enregistrer, fermez d&apos;abord cette fenêtre, puis balayez la commande de nouveau (ou appuyez sur Maj+F8).</translation>
    </message>
    <message>
        <source>A scan came in before anyone signed in. Sign in first, then scan it again.</source>
        <translation>Un balayage est arrivé avant que quiconque soit connecté. Connectez-vous d&apos;abord, puis balayez de nouveau.</translation>
    </message>
    <message>
        <source>Scanned: the item goes into the sale when this window closes.</source>
        <translation>Balayé&#xa0;: l&apos;article ira dans la vente à la fermeture de cette fenêtre.</translation>
    </message>
    <message>
        <source>Scanned: {count} items go into the sale when this window closes.</source>
        <translation>Balayés&#xa0;: {count} articles iront dans la vente à la fermeture de cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>RegisterScreen</name>
    <message>
        <source>Switch user</source>
        <translation>Changer d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Retirer l&apos;article</translation>
    </message>
    <message>
        <source>Item discount</source>
        <translation>Rabais sur l&apos;article</translation>
    </message>
    <message>
        <source>Cart discount</source>
        <translation>Rabais sur le panier</translation>
    </message>
    <message>
        <source>Age check</source>
        <translation>Vérification de l&apos;âge</translation>
    </message>
    <message>
        <source>Park / resume</source>
        <translation>Attente / reprise</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <source>Drawer &amp;&amp; shift</source>
        <translation>Tiroir &amp;&amp; quart</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Kiosk
tickets</source>
        <translation>Commandes
bornes</translation>
    </message>
    <message>
        <source>Discount code</source>
        <translation>Code promo</translation>
    </message>
    <message>
        <source>Printer: checking…</source>
        <translation>Imprimante&#xa0;: vérification…</translation>
    </message>
    <message>
        <source>Card terminal: ready</source>
        <translation>Terminal&#xa0;: prêt</translation>
    </message>
    <message>
        <source>Card terminal: not set up</source>
        <translation>Terminal&#xa0;: non configuré</translation>
    </message>
    <message>
        <source>Shift+</source>
        <translation>Maj+</translation>
    </message>
    <message>
        <source>Each button shows its key.  Shift+F6: discount code.  Ctrl+R reprints the last receipt.  Esc closes a dialog.</source>
        <translation>Chaque bouton affiche sa touche.  Maj+F6&#xa0;: code promo.  Ctrl+R réimprime le dernier reçu.  Échap ferme une fenêtre.</translation>
    </message>
    <message>
        <source>Finish or park the sale (F8) before switching user.</source>
        <translation>Terminez ou mettez en attente la vente (F8) avant de changer d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>A card payment is in progress. Wait for the card terminal, then close the register.</source>
        <translation>Un paiement par carte est en cours. Attendez le terminal de paiement, puis fermez la caisse.</translation>
    </message>
    <message>
        <source>The shift is not open. Count the float to open it (F11, Open shift) before selling.</source>
        <translation>Le quart n&apos;est pas ouvert. Comptez le fonds de caisse pour l&apos;ouvrir (F11, Ouvrir le quart) avant de vendre.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Z report: shift closed</source>
        <translation>Rapport Z&#xa0;: quart fermé</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>Rapport X (quart toujours ouvert)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gérant</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <source>Your order</source>
        <translation>Votre commande</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci!</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <source>No product matches code {code}. {why}</source>
        <translation>Aucun produit ne correspond au code {code}. {why}</translation>
    </message>
</context>
<context>
    <name>ScanSearchBox</name>
    <message>
        <source>Scan a barcode, or type a name, brand, SKU or GTIN  [F2]</source>
        <translation>Balayez un code-barres, ou cherchez par nom, marque, UGS ou GTIN  [F2]</translation>
    </message>
</context>
<context>
    <name>ShiftFlow</name>
    <message>
        <source>Opening the drawer without a sale needs a manager&apos;s approval.</source>
        <translation>Ouvrir le tiroir-caisse sans vente demande l&apos;approbation d&apos;un gérant.</translation>
    </message>
    <message>
        <source>No sale.</source>
        <translation>Aucune vente.</translation>
    </message>
    <message>
        <source>Shift open with a float of {amount}.</source>
        <translation>Quart ouvert avec un fonds de caisse de {amount}.</translation>
    </message>
    <message>
        <source>Cash drop of {amount} saved.</source>
        <translation>Dépôt de {amount} enregistré.</translation>
    </message>
    <message>
        <source>Paid-out of {amount} saved.</source>
        <translation>Sortie de fonds de {amount} enregistrée.</translation>
    </message>
    <message>
        <source>X report.</source>
        <translation>Rapport X.</translation>
    </message>
    <message>
        <source>Finish or park the sale on screen before closing the shift.</source>
        <translation>Terminez ou mettez en attente la vente à l&apos;écran avant de fermer le quart.</translation>
    </message>
    <message>
        <source>Closing the card terminal&apos;s batch…</source>
        <translation>Fermeture du lot du terminal de paiement…</translation>
    </message>
    <message>
        <source>Shift closed.</source>
        <translation>Quart fermé.</translation>
    </message>
    <message>
        <source>Z report.</source>
        <translation>Rapport Z.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Serveur central</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Last good sync</source>
        <translation>Dernière synchro réussie</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>Ignorer l&apos;alerte</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Why the hub refused it</source>
        <translation>Pourquoi le serveur central l&apos;a refusé</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Sync did not finish: {why}</source>
        <translation>La synchro n&apos;a pas abouti&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>not paired</source>
        <translation>non jumelé</translation>
    </message>
    <message>
        <source>needs pairing again</source>
        <translation>à jumeler de nouveau</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>Sync: not paired</source>
        <translation>Synchro&#xa0;: non jumelé</translation>
    </message>
    <message>
        <source>Sync: {state}</source>
        <translation>Synchro&#xa0;: {state}</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>last {time}</source>
        <translation>dernière à {time}</translation>
    </message>
    <message>
        <source>{count} rejected</source>
        <translation>{count} refusé(s)</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Sent {sent}, received {received} changes.</source>
        <translation>{sent} envoyés, {received} changements reçus.</translation>
    </message>
    <message>
        <source>The store is here: {count} records.</source>
        <translation>Le magasin est arrivé&#xa0;: {count} enregistrements.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong ({kind}). The details are in the log; try again.</source>
        <translation>Un problème est survenu ({kind}). Les détails sont dans le journal; réessayez.</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid by card</source>
        <translation>Payé par carte</translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation>Comptant reçu</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>Cash due (to 5¢)</source>
        <translation>Dû en comptant (arrondi à 5 ¢)</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Comptant</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>Autre montant</translation>
    </message>
    <message>
        <source>Add cash</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Lower this amount to split the payment between card and cash.</source>
        <translation>Réduisez ce montant pour partager le paiement entre carte et comptant.</translation>
    </message>
    <message>
        <source>Pay by card  [F9]</source>
        <translation>Payer  [F9]</translation>
    </message>
    <message>
        <source>No card terminal is set up on this register.</source>
        <translation>Aucun terminal de paiement n&apos;est configuré sur cette caisse.</translation>
    </message>
    <message>
        <source>Amount on the card (lower it to split):</source>
        <translation>Sur la carte (réduire pour partager)&#xa0;:</translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation>Paiements reçus</translation>
    </message>
    <message>
        <source>Remove cash payment</source>
        <translation>Retirer le paiement comptant</translation>
    </message>
    <message>
        <source>Back to sale  [Esc]</source>
        <translation>Retour à la vente  [Échap]</translation>
    </message>
    <message>
        <source>The card amount must be more than {zero} and at most {most}.</source>
        <translation>Le montant sur la carte doit être de plus de {zero} et d&apos;au plus {most}.</translation>
    </message>
    <message>
        <source>Cash rounding: {amount} (Canada has no pennies)</source>
        <translation>Arrondi au comptant&#xa0;: {amount} (le Canada n&apos;a plus de cents)</translation>
    </message>
    <message>
        <source>Exact  {amount}</source>
        <translation>Exact  {amount}</translation>
    </message>
    <message>
        <source>Card {brand} ****{last4}  {amount}</source>
        <translation>Carte {brand} ****{last4}  {amount}</translation>
    </message>
    <message>
        <source>Cash  {amount}</source>
        <translation>Comptant  {amount}</translation>
    </message>
</context>
<context>
    <name>TicketsFlow</name>
    <message>
        <source>Ticket {number} is in the sale at this register&apos;s prices: {items}, {total}.</source>
        <translation>La commande {number} est dans la vente aux prix de cette caisse&#xa0;: {items}, {total}.</translation>
    </message>
    <message>
        <source>The customer&apos;s code {codes} is applied.</source>
        <translation>Le code du client {codes} est appliqué.</translation>
    </message>
    <message>
        <source>Check the customer&apos;s ID, then pay (F12).</source>
        <translation>Vérifiez la pièce d&apos;identité du client, puis payez (F12).</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabais</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dried-cannabis equivalent (limit 30 g)</source>
        <translation>Équivalent en cannabis séché (limite de 30 g)</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <source>You save {amount}</source>
        <translation>Vous économisez {amount}</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a sale</source>
        <translation>Annuler une vente</translation>
    </message>
    <message>
        <source>Only a sale of this shift can be voided; the money goes back the way it was paid and the stock is put back. Older sales are refunded instead.</source>
        <translation>Seule une vente de ce quart peut être annulée; l&apos;argent est rendu selon le mode de paiement d&apos;origine et le stock est remis en place. Les ventes plus anciennes sont plutôt remboursées.</translation>
    </message>
    <message>
        <source>Receipt number, e.g. ON001-1-000042</source>
        <translation>Numéro du reçu, p. ex. ON001-1-000042</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Raison (facultative)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <source>Type or scan the receipt number of the sale to void.</source>
        <translation>Tapez ou balayez le numéro du reçu de la vente à annuler.</translation>
    </message>
</context>
</TS>
