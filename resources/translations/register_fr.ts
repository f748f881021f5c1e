<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{promotion}: {amount} off this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(lot {lot})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can&apos;t be sold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DenominationCounter</name>
    <message>
        <source>$100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toonie ($2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loonie ($1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25¢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10¢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5¢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of {denomination}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}, none sellable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} can&apos;t be sold: nothing is in stock. If it is picked, the cart marks it and payment waits until it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} can&apos;t be sold: what is in stock is expired or recalled. If it is picked, the cart marks it and payment waits until it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>{language} (Ctrl+L switches)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitMeter</name>
    <message>
        <source>{grams} g of 30 g</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Type your new PIN again, to be sure, then press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PIN was set by a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your new PIN (4 to 8 digits), then press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN only you know: not your birthday, and not the one the manager gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name, or type your staff code, then enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name or type your staff code first, then your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{store} — {mode} {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mode} · Terminal {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status, Sync now, and (for managers) what the hub refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift: open since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift: not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonChoice</name>
    <message>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterScreen</name>
    <message>
        <source>Printer: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card terminal: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card terminal: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each button shows its key.  Shift+F6: discount code.  Ctrl+R reprints the last receipt.  Esc closes a dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or park the sale (F8) before switching user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card payment is in progress. Wait for the card terminal, then close the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is not open. Count the float to open it (F11, Open shift) before selling.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <source>No product matches code {code}. {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanSearchBox</name>
    <message>
        <source>Scan a barcode, or type a name, brand, SKU or GTIN  [F2]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash due (to 5¢)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower this amount to split the payment between card and cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by card  [F9]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card terminal is set up on this register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount on the card (lower it to split):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove cash payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sale  [Esc]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card amount must be more than {zero} and at most {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash rounding: {amount} (Canada has no pennies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact  {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {brand} ****{last4}  {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash  {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dried-cannabis equivalent (limit 30 g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You save {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
