<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_CA">
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Scan the code shown here.</source>
        <translation>Scannez le code affiché ici.</translation>
    </message>
    <message>
        <source>The scanner works.</source>
        <translation>Le lecteur fonctionne.</translation>
    </message>
    <message>
        <source>That was another code. Scan the code shown here, on this screen.</source>
        <translation>C&apos;était un autre code. Scannez le code affiché ici, sur cet écran.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Impression d&apos;une page d&apos;essai…</translation>
    </message>
    <message>
        <source>The test page was printed. Check that it is clean and fills the paper&apos;s width.</source>
        <translation>La page d&apos;essai est imprimée. Vérifiez qu&apos;elle est nette et qu&apos;elle occupe toute la largeur du papier.</translation>
    </message>
    <message>
        <source>Asking the card terminal…</source>
        <translation>Interrogation du terminal de paiement…</translation>
    </message>
    <message>
        <source>The card terminal answers.</source>
        <translation>Le terminal de paiement répond.</translation>
    </message>
    <message>
        <source>Skipped: this terminal works without it. Set it up later in terminal.toml.</source>
        <translation>Passé : ce poste fonctionne sans lui. Configurez-le plus tard dans terminal.toml.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Test each device, or skip it. Addresses look like /dev/ttyACM0, socket://192.168.1.30:9200 or tcp://192.168.1.20:9100.</source>
        <translation>Testez chaque appareil, ou passez-le. Les adresses ressemblent à /dev/ttyACM0, socket://192.168.1.30:9200 ou tcp://192.168.1.20:9100.</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Lecteur de codes</translation>
    </message>
    <message>
        <source>Serial port, if any</source>
        <translation>Port série, s&apos;il y a lieu</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de reçus</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Adresse de l&apos;imprimante</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Imprimer une page d&apos;essai</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <source>Card terminal address</source>
        <translation>Adresse du terminal de paiement</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>A USB scanner that types needs no address: scan the code below. For a serial scanner, give its port and press Connect first.</source>
        <translation>Un lecteur USB qui tape comme un clavier n&apos;a pas besoin d&apos;adresse : scannez le code ci-dessous. Pour un lecteur série, indiquez son port et appuyez d&apos;abord sur Connecter.</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Pas encore testé.</translation>
    </message>
    <message>
        <source>That is not a hub address. Type it as the console shows it, for example http://192.168.1.10:8700.</source>
        <translation>Ce n&apos;est pas une adresse de serveur central. Tapez-la comme la console l&apos;affiche, par exemple http://192.168.1.10:8700.</translation>
    </message>
    <message>
        <source>The hub does not answer at that address. Check the address and that this terminal is on the store&apos;s network, then press Retry.</source>
        <translation>Le serveur central ne répond pas à cette adresse. Vérifiez l&apos;adresse et que ce poste est branché au réseau du magasin, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>Type the pairing code, or scan its QR code, then press Pair.</source>
        <translation>Tapez le code de jumelage, ou scannez son code QR, puis appuyez sur Jumeler.</translation>
    </message>
    <message>
        <source>The hub refused this pairing code: it is expired or was already used. Make a new code in the console (Stores, then Terminals), then press Retry.</source>
        <translation>Le serveur central a refusé ce code de jumelage : il est expiré ou a déjà servi. Créez un nouveau code dans la console (Magasins, puis Postes), puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The terminal number must be from 1 to 999.</source>
        <translation>Le numéro du poste doit être de 1 à 999.</translation>
    </message>
    <message>
        <source>The printer does not answer at that address. Check that it is on and its cable or address, then press Retry.</source>
        <translation>L&apos;imprimante ne répond pas à cette adresse. Vérifiez qu&apos;elle est allumée, ainsi que son câble ou son adresse, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The printer is offline. Check that it is on and connected, then press Retry.</source>
        <translation>L&apos;imprimante est hors ligne. Vérifiez qu&apos;elle est allumée et branchée, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The printer&apos;s cover is open. Close it, then press Retry.</source>
        <translation>Le couvercle de l&apos;imprimante est ouvert. Fermez-le, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The printer is out of paper. Load a new roll, then press Retry.</source>
        <translation>L&apos;imprimante n&apos;a plus de papier. Installez un nouveau rouleau, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The card terminal does not answer at that address. Check that it is on and its cable or address, then press Retry.</source>
        <translation>Le terminal de paiement ne répond pas à cette adresse. Vérifiez qu&apos;il est allumé, ainsi que son câble ou son adresse, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The store could not be fetched from the hub. Check the network, then press Retry; what has arrived is kept.</source>
        <translation>Le magasin n&apos;a pas pu être récupéré du serveur central. Vérifiez le réseau, puis appuyez sur Réessayer; ce qui est déjà arrivé est conservé.</translation>
    </message>
    <message>
        <source>Something went wrong. The details are in the log; press Retry.</source>
        <translation>Un problème est survenu. Les détails sont dans le journal; appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>Welcome — Bienvenue</source>
        <translation>Bienvenue — Welcome</translation>
    </message>
    <message>
        <source>Choose the language of this terminal. Staff can still switch at sign-in.</source>
        <translation>Choisissez la langue de ce poste. Le personnel peut quand même en changer à la connexion.</translation>
    </message>
    <message>
        <source>The store&apos;s hub</source>
        <translation>Le serveur central du magasin</translation>
    </message>
    <message>
        <source>The hub keeps the store&apos;s catalog, staff and sales. Its address is on the console&apos;s Terminals page.</source>
        <translation>Le serveur central garde le catalogue, le personnel et les ventes du magasin. Son adresse figure à la page Postes de la console.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adresse du serveur central</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Code de jumelage</translation>
    </message>
    <message>
        <source>A manager makes a one-time code in the console: Stores, the store, Terminals, Make a pairing code.</source>
        <translation>Un gérant crée un code à usage unique dans la console : Magasins, le magasin, Postes, Créer un code de jumelage.</translation>
    </message>
    <message>
        <source>Type the code, or scan the QR code on the console&apos;s screen with this terminal&apos;s scanner.</source>
        <translation>Tapez le code, ou scannez le code QR affiché par la console avec le lecteur de ce poste.</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <source>Its number is printed on receipts (store-number-sequence): give each terminal of the store its own.</source>
        <translation>Son numéro est imprimé sur les reçus (magasin-numéro-séquence) : donnez à chaque poste du magasin le sien.</translation>
    </message>
    <message>
        <source>Terminal number</source>
        <translation>Numéro du poste</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>Son usage</translation>
    </message>
    <message>
        <source>Register
(cashiers at the counter)</source>
        <translation>Caisse
(caissiers au comptoir)</translation>
    </message>
    <message>
        <source>Kiosk
(customers order by touch)</source>
        <translation>Borne
(les clients commandent à l&apos;écran)</translation>
    </message>
    <message>
        <source>Back office
(receiving, stock, reports)</source>
        <translation>Arrière-boutique
(réception, stock, rapports)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Working out the time left…</source>
        <translation>Calcul du temps restant…</translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation>Environ %1 s restantes</translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation>Environ %1 min restantes</translation>
    </message>
    <message>
        <source>Fetching the catalog, staff and stock from the hub…</source>
        <translation>Récupération du catalogue, du personnel et du stock depuis le serveur central…</translation>
    </message>
    <message>
        <source>Received %1 of %2 records…</source>
        <translation>%1 fiches reçues sur %2…</translation>
    </message>
    <message>
        <source>The store is here. Press Next.</source>
        <translation>Le magasin est arrivé. Appuyez sur Suivant.</translation>
    </message>
    <message>
        <source>The first sync</source>
        <translation>La première synchronisation</translation>
    </message>
    <message>
        <source>The store&apos;s products, prices, staff and stock come to this terminal once; after that it sells even without the network.</source>
        <translation>Les produits, les prix, le personnel et le stock du magasin arrivent une fois sur ce poste; ensuite, il vend même sans réseau.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>This terminal is set up.</source>
        <translation>Ce poste est configuré.</translation>
    </message>
    <message>
        <source>%1 is on this terminal: %2 products, with their prices, the staff and the stock. Press the button below to start.</source>
        <translation>%1 est sur ce poste : %2 produits, avec leurs prix, le personnel et le stock. Appuyez sur le bouton ci-dessous pour commencer.</translation>
    </message>
    <message>
        <source>Setting up this terminal</source>
        <translation>Configuration de ce poste</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Jumeler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open the register</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Open the kiosk</source>
        <translation>Ouvrir la borne</translation>
    </message>
    <message>
        <source>Open the back office</source>
        <translation>Ouvrir l&apos;arrière-boutique</translation>
    </message>
</context>
</TS>
