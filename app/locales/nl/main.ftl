# Wijkplein: Nederlandse teksten (B1: korte zinnen, gewone woorden).
# De pijlers en principes zijn letterlijk geciteerd uit het Manifest voor een
# succesvolle wijkaanpak van LSA (25 april 2022). Al het andere is eigen tekst.

skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-manifest = Manifest
nav-groups = Groepen
nav-plans = Plannen
nav-log-in = Inloggen
nav-log-out = Uitloggen
nav-register = Account maken
lang-switch = English
footer-tagline = Wijkplein is een plek waar bewoners, gemeente en professionals samen aan de buurt werken. Als gelijken.
footer-credit = Gebaseerd op het Manifest voor een succesvolle wijkaanpak van LSA, het Landelijk Samenwerkingsverband Actieve bewoners.

form-error-title = Kijk nog even naar het formulier
error-validation-summary = Niet alles is goed ingevuld.
error-login-required = Log eerst in om dit te doen.
error-forbidden = Dit mag je helaas niet doen.
error-not-found = We kunnen dit niet vinden.
error-rate-limited = Te veel pogingen achter elkaar. Wacht een kwartier en probeer het dan opnieuw.
error-internal = Er ging bij ons iets mis. Probeer het later nog eens.
error-login-failed = Dit e-mailadres en wachtwoord passen niet bij elkaar.
error-email_invalid = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
error-email_taken = Er is al een account met dit e-mailadres. Log in of kies een ander adres.
error-name_too_short = Je naam moet minstens 2 tekens hebben.
error-name_too_long = Je naam mag hoogstens 60 tekens hebben.
error-name_invalid = Je naam bevat tekens die niet kunnen.
error-password_too_short = Je wachtwoord moet minstens 8 tekens hebben.
error-password_too_long = Je wachtwoord mag hoogstens 128 tekens hebben.
error-password_common = Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld drie losse woorden.
error-role_invalid = Kies een rol uit de lijst.
error-place_invalid = Deze naam is te lang (hoogstens 80 tekens).

role-bewoner = Bewoner
role-ambtenaar = Ambtenaar
role-opbouwwerker = Opbouwwerker
role-woningcorporatie = Woningcorporatie
role-politicus = Politicus of bestuurder
role-anders = Anders

field-display-name = Je naam
field-display-name-hint = Deze naam zien anderen bij wat je schrijft.
field-email = E-mailadres
field-password = Wachtwoord
field-password-hint = Minstens 8 tekens. Een zin of drie losse woorden werkt goed.
field-role = Wat is je rol in de wijk?
field-neighbourhood = Wijk of buurt
field-municipality = Gemeente
field-optional = Niet verplicht.

register-title = Account maken
register-intro = Met een account kun je meedoen: het manifest tekenen, lid worden van een groep en reageren op plannen.
register-submit = Account maken
register-have-account = Heb je al een account?

login-title = Inloggen
login-intro = Fijn dat je er bent. Log in met je e-mailadres en wachtwoord.
login-submit = Inloggen
login-no-account = Nog geen account?

profile-title = Je profiel
profile-intro = Dit zien anderen van je: je naam en je rol. Je e-mailadres ziet alleen jij.
profile-welcome = Welkom bij Wijkplein! Je account is klaar.
profile-saved = Je profiel is opgeslagen.
profile-submit = Opslaan

notfound-title = Deze pagina bestaat niet
notfound-text = Misschien is de link oud, of zit er een typfout in. Vanaf de voorpagina vind je de weg weer.
notfound-home = Naar de voorpagina

soon-manifest-title = Het manifest
soon-manifest-text = Hier kun je straks het hele manifest lezen, het tekenen en erop reageren.
soon-groups-title = Bewonersgroepen
soon-groups-text = Hier vind je straks bewonersgroepen in jouw buurt, en kun je zelf een groep beginnen.
soon-plans-title = Wijkplannen
soon-plans-text = Hier kun je straks wijkplannen lezen, steunen en bespreken.
soon-note = We bouwen dit deel nu. Maak alvast een account, dan kun je meteen meedoen zodra het klaar is.
soon-cta = Account maken

home-eyebrow = Buurtontwikkeling ván en mét de wijk
home-title = Samen maken we de buurt
home-lead = Wijkplein brengt bewoners, gemeente, opbouwwerk en woningcorporaties bij elkaar. Bewoners en hun kennis van de wijk staan voorop.
home-cta-manifest = Lees het manifest
home-cta-groups = Vind een bewonersgroep
home-pillars-title = De drie pijlers
home-pillars-intro = Wijkplein werkt volgens het Manifest voor een succesvolle wijkaanpak. Dit zijn de drie pijlers daarvan.
manifest-credit = Pijlers en principes geciteerd uit het Manifest voor een succesvolle wijkaanpak van LSA, het Landelijk Samenwerkingsverband Actieve bewoners (25 april 2022).
home-jobs-label = Wat je hier kunt doen
home-job-read-title = Lezen en tekenen
home-job-read-text = Lees het manifest, zet je naam eronder en vertel wat je herkent uit je eigen buurt.
home-job-join-title = Samen in een groep
home-job-join-text = Vind een bewonersgroep bij jou in de buurt, of begin er zelf een.
home-job-plan-title = Plannen bespreken
home-job-plan-text = Bespreek wijkplannen met buren en professionals, van het eerste idee tot het resultaat.

pillar-1-quote = Bewoners en hun ervaringskennis zijn leidend
pillar-1-translation = Residents and their experiential knowledge lead
pillar-1-summary = Wie in de wijk woont, weet wat er speelt. Daar begin je.
pillar-1-principle-1 = Werk waarderend en uitnodigend
pillar-1-principle-2 = Heb aandacht voor wat er goed gaat in wijken
pillar-1-principle-3 = Vertrek vanuit gelijkwaardigheid
pillar-1-principle-4 = Maak gebruik van wat er al is
pillar-2-quote = Een lange adem
pillar-2-translation = A long breath
pillar-2-summary = Een buurt verander je niet in één jaar. Blijf erbij, ook als het even tegenzit.
pillar-2-principle-1 = Kies voor de lange termijn
pillar-2-principle-2 = Organiseer betrouwbaarheid en consistentie
pillar-2-principle-3 = Borg continuïteit in de uitvoering
pillar-3-quote = Mogelijk maken
pillar-3-translation = Enabling
pillar-3-summary = Geef mensen in de wijk de ruimte en het vertrouwen om het goede te doen.
pillar-3-principle-1 = Geef beroepskrachten in de wijk de ruimte om hun werk te doen
pillar-3-principle-2 = Experimenteer met nieuwe mogelijkheden tot verantwoording

manifest-description = Het manifest van LSA voor een wijkaanpak ván en mét de wijk: drie pijlers en negen principes. Lees het, teken het en vertel wat je herkent.
manifest-eyebrow = Het manifest
manifest-source = Pijlers en principes letterlijk uit het manifest van { $source }. De uitleg is van Wijkplein.
manifest-toc = Pijlers van het manifest
manifest-pillar-number = Pijler { $number }
manifest-principle-open = Open dit principe
signatures-heading = Wie tekende er?
signatures-empty = Nog niemand heeft met naam getekend. Jij kunt de eerste zijn.
signatures-more = Meer ondertekenaars
sign-heading = Het manifest is er voor jou
sign-intro = Of je nu bewoner bent, ambtenaar, opbouwwerker, bij een woningcorporatie werkt of politicus bent: zet je naam eronder.
sign-count-one = persoon tekende al
sign-count-many = mensen tekenden al
sign-role = Ik teken als
sign-organisation = Organisatie of groep
sign-motivation = Waarom teken je?
sign-public = Laat mijn naam zien bij de ondertekenaars
sign-submit = Ondertekenen
sign-thanks = Bedankt, je hebt het manifest getekend!
sign-withdraw = Handtekening intrekken
sign-login-first = Log in om het manifest te tekenen. Een account maken kost een minuut.
sign-busy = Even geduld…
breadcrumb = Kruimelpad
principle-eyebrow = Een principe uit het manifest
principle-practice-heading = In de praktijk
principle-practice-empty = Nog geen wijkplannen die dit principe in praktijk brengen. Zodra een plan zegt dat het hiermee werkt, zie je het hier.
principle-back = Terug naar het hele manifest
error-already-signed = Je hebt het manifest al getekend.
error-organisation_too_long = De naam van je organisatie mag hoogstens 100 tekens hebben.
error-motivation_too_long = Je uitleg mag hoogstens 500 tekens hebben.
error-manifest_version_not_newer = Deze versie is niet nieuwer dan de huidige.
