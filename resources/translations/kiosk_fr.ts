<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AgeGateScreen</name>
    <message>
        <source>You must be {age} or older to shop here.</source>
        <translation>Vous devez avoir {age} ans ou plus pour magasiner ici.</translation>
    </message>
    <message>
        <source>The legal age for cannabis here ({province}) is {age}. Staff check your ID again at the counter.</source>
        <translation>L&apos;âge légal pour le cannabis ici ({province}) est de {age} ans. Le personnel vérifie de nouveau votre pièce d&apos;identité à la caisse.</translation>
    </message>
    <message>
        <source>I am {age} or older</source>
        <translation>J&apos;ai {age} ans ou plus</translation>
    </message>
    <message>
        <source>I am under {age}</source>
        <translation>J&apos;ai moins de {age} ans</translation>
    </message>
    <message>
        <source>Or scan the back of your ID: you need it to pay here by card.</source>
        <translation>Ou balayez le verso de votre pièce d&apos;identité&#xa0;: elle est requise pour payer ici par carte.</translation>
    </message>
    <message>
        <source>Or scan the back of your ID.</source>
        <translation>Ou balayez le verso de votre pièce d&apos;identité.</translation>
    </message>
    <message>
        <source>Sorry, you must be {age} or older to buy cannabis.</source>
        <translation>Désolé, vous devez avoir {age} ans ou plus pour acheter du cannabis.</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome to {store}</source>
        <translation>Bienvenue chez {store}</translation>
    </message>
    <message>
        <source>Browse the menu, build your order, and pick it up at the counter.</source>
        <translation>Parcourez le menu, préparez votre commande et récupérez-la à la caisse.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Touchez pour commencer</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <source>No products match. Clear a filter, or try another word.</source>
        <translation>Aucun produit ne correspond. Retirez un filtre ou essayez un autre mot.</translation>
    </message>
    <message>
        <source>Search products or brands</source>
        <translation>Rechercher un produit ou une marque</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 produit</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} produits</translation>
    </message>
    <message>
        <source>What are you looking for?</source>
        <translation>Que cherchez-vous?</translation>
    </message>
    <message>
        <source>Results for “{text}”</source>
        <translation>Résultats pour «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Filter and sort ({count})</source>
        <translation>Filtrer et trier ({count})</translation>
    </message>
    <message>
        <source>Filter and sort</source>
        <translation>Filtrer et trier</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <source>1 item</source>
        <translation>1 article</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} articles</translation>
    </message>
    <message>
        <source>View cart</source>
        <translation>Voir le panier</translation>
    </message>
    <message>
        <source>30 g limit</source>
        <translation>Limite de 30 g</translation>
    </message>
    <message>
        <source>Your cart is empty</source>
        <translation>Votre panier est vide</translation>
    </message>
</context>
<context>
    <name>CartLineRow</name>
    <message>
        <source>One fewer {name}</source>
        <translation>Un de moins&#xa0;: {name}</translation>
    </message>
    <message>
        <source>One more {name}</source>
        <translation>Un de plus&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <source>Estimated. The counter confirms prices and taxes when you pay.</source>
        <translation>Estimation. La caisse confirme les prix et les taxes au paiement.</translation>
    </message>
    <message>
        <source>Estimated. Prices and taxes are confirmed when you pay, here or at the counter.</source>
        <translation>Estimation. Les prix et les taxes sont confirmés au paiement, ici ou à la caisse.</translation>
    </message>
    <message>
        <source>Pay here by card after scanning the back of your ID. Or send your cart to the counter and pay there.</source>
        <translation>Payez ici par carte après avoir balayé le verso de votre pièce d&apos;identité. Ou envoyez votre panier à la caisse et payez-y.</translation>
    </message>
    <message>
        <source>Your cart</source>
        <translation>Votre panier</translation>
    </message>
    <message>
        <source>Pay here by card</source>
        <translation>Payer ici par carte</translation>
    </message>
    <message>
        <source>Send to counter</source>
        <translation>Payer à la caisse</translation>
    </message>
    <message>
        <source>Keep shopping</source>
        <translation>Continuer mes achats</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Enter a code</source>
        <translation>Entrer un code</translation>
    </message>
    <message>
        <source>Code {code}: −{saving}</source>
        <translation>Code {code}&#xa0;: −{saving}</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Enter your discount code</source>
        <translation>Entrez votre code promo</translation>
    </message>
    <message>
        <source>Your code</source>
        <translation>Votre code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Strain type</source>
        <translation>Espèce</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Filter and sort</source>
        <translation>Filtrer et trier</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show products</source>
        <translation>Voir les produits</translation>
    </message>
    <message>
        <source>In stock only</source>
        <translation>En stock seulement</translation>
    </message>
</context>
<context>
    <name>KioskCart</name>
    <message>
        <source>Sorry, {name} is sold out right now.</source>
        <translation>Désolé, {name} est en rupture de stock pour le moment.</translation>
    </message>
    <message>
        <source>Sorry, we have only one of {name} right now.</source>
        <translation>Désolé, il ne nous en reste qu&apos;un pour le moment&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>Sorry, we have only {count} of {name} right now.</source>
        <translation>Désolé, il ne nous en reste que {count} pour le moment&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>Type your code on the keys, then tap Apply.</source>
        <translation>Tapez votre code sur le clavier, puis touchez Appliquer.</translation>
    </message>
    <message>
        <source>This kiosk takes no discount codes right now. Ask for help at the counter.</source>
        <translation>Cette borne n&apos;accepte aucun code promo pour le moment. Demandez de l&apos;aide à la caisse.</translation>
    </message>
    <message>
        <source>We don&apos;t know the code “{code}”. Check it and type it again, or carry on without it.</source>
        <translation>Nous ne reconnaissons pas le code «&#xa0;{code}&#xa0;». Vérifiez-le et tapez-le de nouveau, ou continuez sans code.</translation>
    </message>
    <message>
        <source>{name} sold out since you added it. Tap − to take it off.</source>
        <translation>{name}&#xa0;: rupture de stock depuis que vous l&apos;avez ajouté. Touchez − pour le retirer.</translation>
    </message>
    <message>
        <source>Only {count} of {name} left now. Tap − to lower the quantity.</source>
        <translation>Il n&apos;en reste que {count}&#xa0;: {name}. Touchez − pour réduire la quantité.</translation>
    </message>
</context>
<context>
    <name>KioskScans</name>
    <message>
        <source>This code is for the counter. Scan a product&apos;s barcode to see it here.</source>
        <translation>Ce code est pour la caisse. Balayez le code-barres d&apos;un produit pour le voir ici.</translation>
    </message>
    <message>
        <source>Please confirm your age first.</source>
        <translation>Veuillez d&apos;abord confirmer votre âge.</translation>
    </message>
    <message>
        <source>This ID has expired. Please see staff at the counter.</source>
        <translation>Cette pièce d&apos;identité est expirée. Veuillez vous adresser au personnel à la caisse.</translation>
    </message>
    <message>
        <source>Thank you, your ID is checked. You can pay here by card now.</source>
        <translation>Merci, votre pièce d&apos;identité est vérifiée. Vous pouvez maintenant payer ici par carte.</translation>
    </message>
    <message>
        <source>This ID has expired, so you cannot pay here. Send your cart to the counter: staff check your ID there.</source>
        <translation>Cette pièce d&apos;identité est expirée, vous ne pouvez donc pas payer ici. Envoyez votre panier à la caisse, où le personnel vérifiera votre pièce d&apos;identité.</translation>
    </message>
    <message>
        <source>We could not read the date of birth on this ID. Try again, or see staff at the counter.</source>
        <translation>Nous n&apos;avons pas pu lire la date de naissance sur cette pièce d&apos;identité. Réessayez ou adressez-vous au personnel à la caisse.</translation>
    </message>
    <message>
        <source>We could not read that code. Try again, or search for the product.</source>
        <translation>Nous n&apos;avons pas pu lire ce code. Réessayez ou recherchez le produit.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Added {name} to your cart.</source>
        <translation>Ajouté au panier&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>{store} — Kiosk {number}</source>
        <translation>{store} — Borne {number}</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
</context>
<context>
    <name>KioskWords</name>
    <message>
        <source>Flower</source>
        <translation>Fleurs</translation>
    </message>
    <message>
        <source>Pre-rolls</source>
        <translation>Préroulés</translation>
    </message>
    <message>
        <source>Vapes</source>
        <translation>Vapoteuses</translation>
    </message>
    <message>
        <source>Edibles</source>
        <translation>Comestibles</translation>
    </message>
    <message>
        <source>Beverages</source>
        <translation>Boissons</translation>
    </message>
    <message>
        <source>Extracts</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>Topicals</source>
        <translation>Topiques</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Graines</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>Accessoires</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>Meilleurs vendeurs</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>Prix&#xa0;: croissant</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>Prix&#xa0;: décroissant</translation>
    </message>
    <message>
        <source>Strongest THC</source>
        <translation>THC le plus élevé</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Nouveautés</translation>
    </message>
    <message>
        <source>Indica</source>
        <translation>Indica</translation>
    </message>
    <message>
        <source>Sativa</source>
        <translation>Sativa</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybride</translation>
    </message>
    <message>
        <source>{count} seeds</source>
        <translation>{count} graines</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Effacer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Pay {amount} by card</source>
        <translation>Payez {amount} par carte</translation>
    </message>
    <message>
        <source>Cancelling at the card terminal…</source>
        <translation>Annulation au terminal de paiement…</translation>
    </message>
    <message>
        <source>Tap, insert or swipe your card on the card terminal, and follow what it says.</source>
        <translation>Touchez, insérez ou glissez votre carte sur le terminal de paiement, puis suivez les instructions.</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci!</translation>
    </message>
    <message>
        <source>You paid {amount}. Your order number is</source>
        <translation>Vous avez payé {amount}. Votre numéro de commande est le</translation>
    </message>
    <message>
        <source>Printing your receipt…</source>
        <translation>Impression de votre reçu…</translation>
    </message>
    <message>
        <source>Show this number at the counter to pick up your order.</source>
        <translation>Montrez ce numéro à la caisse pour récupérer votre commande.</translation>
    </message>
    <message>
        <source>Take your receipt, and show it at the counter to pick up your order.</source>
        <translation>Prenez votre reçu et montrez-le à la caisse pour récupérer votre commande.</translation>
    </message>
    <message>
        <source>Your receipt did not print. Show this number at the counter to pick up your order: staff can print it there.</source>
        <translation>Votre reçu n&apos;a pas été imprimé. Montrez ce numéro à la caisse pour récupérer votre commande&#xa0;: le personnel peut l&apos;imprimer.</translation>
    </message>
    <message>
        <source>Waiting for your card… {seconds} s</source>
        <translation>En attente de votre carte… {seconds} s</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <source>Size</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Strain type</source>
        <translation>Espèce</translation>
    </message>
    <message>
        <source>THC</source>
        <translation>THC</translation>
    </message>
    <message>
        <source>CBD</source>
        <translation>CBD</translation>
    </message>
    <message>
        <source>Counts toward the 30 g limit</source>
        <translation>Compte dans la limite de 30 g</translation>
    </message>
    <message>
        <source>Terpenes</source>
        <translation>Terpènes</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>‹ Back to products</source>
        <translation>‹ Retour aux produits</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>Ajouter au panier</translation>
    </message>
    <message>
        <source>{price} per gram</source>
        <translation>{price} le gramme</translation>
    </message>
    <message>
        <source>{grams} of dried cannabis</source>
        <translation>{grams} de cannabis séché</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Épuisé</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <source>Sold out</source>
        <translation>Épuisé</translation>
    </message>
</context>
<context>
    <name>RangeChips</name>
    <message>
        <source>THC</source>
        <translation>THC</translation>
    </message>
    <message>
        <source>CBD</source>
        <translation>CBD</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>{title} at least</source>
        <translation>{title} minimum</translation>
    </message>
    <message>
        <source>{title} at most</source>
        <translation>{title} maximum</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>This kiosk is being set up</source>
        <translation>Cette borne est en cours de configuration</translation>
    </message>
    <message>
        <source>Please order at the counter. Staff: pair this kiosk with the hub, or load the store&apos;s catalog; this screen changes by itself once the catalog is here.</source>
        <translation>Veuillez commander à la caisse. Personnel&#xa0;: jumelez cette borne au serveur central ou chargez le catalogue du magasin; cet écran change de lui-même dès que le catalogue est arrivé.</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>Staff only: leave kiosk mode</source>
        <translation>Personnel seulement&#xa0;: quitter le mode borne</translation>
    </message>
    <message>
        <source>A manager&apos;s staff code and PIN close the kiosk. The exit is recorded.</source>
        <translation>Le code d&apos;employé et le NIP d&apos;un gérant ferment la borne. La sortie est consignée.</translation>
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
        <source>Type the manager&apos;s staff code first, then their PIN.</source>
        <translation>Tapez d&apos;abord le code d&apos;employé du gérant, puis son NIP.</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>Toujours là?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Je suis toujours là</translation>
    </message>
    <message>
        <source>Your cart is cleared in {seconds} seconds for the next customer. Touch the screen to keep shopping.</source>
        <translation>Votre panier sera vidé dans {seconds} secondes pour le prochain client. Touchez l&apos;écran pour continuer vos achats.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your order is at the counter. Your number is</source>
        <translation>Votre commande est transmise à la caisse. Votre numéro est le</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Take your printed ticket, or show this code at the counter. Staff check your ID there, and you pay there.</source>
        <translation>Prenez votre billet imprimé ou montrez ce code à la caisse. Le personnel y vérifie votre pièce d&apos;identité, et vous y payez.</translation>
    </message>
    <message>
        <source>Your ticket did not print. Show this number or a photo of this code at the counter. Staff check your ID there, and you pay there.</source>
        <translation>Votre billet n&apos;a pas été imprimé. Montrez ce numéro ou une photo de ce code à la caisse. Le personnel y vérifie votre pièce d&apos;identité, et vous y payez.</translation>
    </message>
    <message>
        <source>Show this number or a photo of this code at the counter. Staff check your ID there, and you pay there.</source>
        <translation>Montrez ce numéro ou une photo de ce code à la caisse. Le personnel y vérifie votre pièce d&apos;identité, et vous y payez.</translation>
    </message>
</context>
</TS>
