# Wijkplein: English texts (plain language).
# The pillars and principles stay quoted in Dutch, exactly as LSA wrote them in
# the Manifest voor een succesvolle wijkaanpak (25 April 2022); the
# translations next to them are ours.

skip-to-content = Skip to content
nav-label = Main menu
nav-manifest = Manifesto
nav-groups = Groups
nav-plans = Plans
nav-log-in = Log in
nav-log-out = Log out
nav-register = Create account
lang-switch = Nederlands
footer-tagline = Wijkplein is a place where residents, the municipality and professionals work on the neighbourhood together. As equals.
footer-credit = Based on the Manifest voor een succesvolle wijkaanpak by LSA, the national association of active resident groups.

form-error-title = Please check the form
error-validation-summary = Not everything is filled in correctly.
error-login-required = Please log in first.
error-forbidden = Sorry, you are not allowed to do this.
error-not-found = We cannot find this.
error-rate-limited = Too many attempts in a row. Please wait fifteen minutes and try again.
error-internal = Something went wrong on our side. Please try again later.
error-login-failed = This email address and password do not match.
error-email_invalid = Enter a valid email address, like name@example.com.
error-email_taken = There is already an account with this email address. Log in or choose another address.
error-name_too_short = Your name needs at least 2 characters.
error-name_too_long = Your name can have at most 60 characters.
error-name_invalid = Your name contains characters we cannot use.
error-password_too_short = Your password needs at least 8 characters.
error-password_too_long = Your password can have at most 128 characters.
error-password_common = This password is too easy to guess. Try three unrelated words, for example.
error-role_invalid = Choose a role from the list.
error-place_invalid = This name is too long (80 characters at most).

role-bewoner = Resident
role-ambtenaar = Civil servant
role-opbouwwerker = Community worker
role-woningcorporatie = Housing corporation
role-politicus = Politician or administrator
role-anders = Other

field-display-name = Your name
field-display-name-hint = Others see this name next to what you write.
field-email = Email address
field-password = Password
field-password-hint = At least 8 characters. A sentence or three unrelated words works well.
field-role = What is your role in the neighbourhood?
field-neighbourhood = Neighbourhood
field-municipality = Municipality
field-optional = Optional.

register-title = Create an account
register-intro = With an account you can take part: sign the manifesto, join a group and respond to plans.
register-submit = Create account
register-have-account = Already have an account?

login-title = Log in
login-intro = Good to see you. Log in with your email address and password.
login-submit = Log in
login-no-account = No account yet?

profile-title = Your profile
profile-intro = This is what others see of you: your name and your role. Only you see your email address.
profile-welcome = Welcome to Wijkplein! Your account is ready.
profile-saved = Your profile has been saved.
profile-submit = Save

notfound-title = This page does not exist
notfound-text = Perhaps the link is old, or has a typo in it. From the home page you will find your way again.
notfound-home = Go to the home page

soon-manifest-title = The manifesto
soon-manifest-text = Soon you can read the whole manifesto here, sign it and respond to it.
soon-groups-title = Resident groups
soon-groups-text = Soon you will find resident groups in your neighbourhood here, and you can start a group yourself.
soon-plans-title = Neighbourhood plans
soon-plans-text = Soon you can read, support and discuss neighbourhood plans here.
soon-note = We are building this part now. Create an account today, so you can join in as soon as it is ready.
soon-cta = Create account

home-eyebrow = Neighbourhood development of and with the neighbourhood
home-title = Together we make the neighbourhood
home-lead = Wijkplein brings residents, the municipality, community workers and housing corporations together. Residents and what they know of their neighbourhood come first.
home-cta-manifest = Read the manifesto
home-cta-groups = Find a resident group
home-pillars-title = The three pillars
home-pillars-intro = Wijkplein follows the Manifest voor een succesvolle wijkaanpak (manifesto for a successful neighbourhood approach). These are its three pillars, quoted in Dutch with our translation.
manifest-credit = Pillars and principles quoted from the Manifest voor een succesvolle wijkaanpak by LSA, Landelijk Samenwerkingsverband Actieve bewoners (25 April 2022).
home-jobs-label = What you can do here
home-job-read-title = Read and sign
home-job-read-text = Read the manifesto, add your name, and tell what you recognise from your own neighbourhood.
home-job-join-title = Together in a group
home-job-join-text = Find a resident group near you, or start one yourself.
home-job-plan-title = Discuss plans
home-job-plan-text = Discuss neighbourhood plans with neighbours and professionals, from the first idea to the result.

pillar-1-quote = Bewoners en hun ervaringskennis zijn leidend
pillar-1-translation = Residents and their experiential knowledge lead
pillar-1-summary = The people who live in a neighbourhood know what is going on. That is where you start.
pillar-1-principle-1 = Werk waarderend en uitnodigend
pillar-1-principle-2 = Heb aandacht voor wat er goed gaat in wijken
pillar-1-principle-3 = Vertrek vanuit gelijkwaardigheid
pillar-1-principle-4 = Maak gebruik van wat er al is
pillar-2-quote = Een lange adem
pillar-2-translation = A long breath
pillar-2-summary = You do not change a neighbourhood in one year. Stay with it, also when things are hard.
pillar-2-principle-1 = Kies voor de lange termijn
pillar-2-principle-2 = Organiseer betrouwbaarheid en consistentie
pillar-2-principle-3 = Borg continuïteit in de uitvoering
pillar-3-quote = Mogelijk maken
pillar-3-translation = Enabling
pillar-3-summary = Give the people in the neighbourhood the room and the trust to do good work.
pillar-3-principle-1 = Geef beroepskrachten in de wijk de ruimte om hun werk te doen
pillar-3-principle-2 = Experimenteer met nieuwe mogelijkheden tot verantwoording

manifest-description = LSA's manifesto for a neighbourhood approach of and with the neighbourhood: three pillars and nine principles. Read it, sign it and tell what you recognise.
manifest-eyebrow = The manifesto
manifest-source = Pillars and principles quoted exactly from the manifesto by { $source }. The explanations are Wijkplein's.
manifest-toc = Pillars of the manifesto
manifest-pillar-number = Pillar { $number }
manifest-principle-open = Open this principle
signatures-heading = Who signed?
signatures-empty = Nobody has signed with their name yet. You can be the first.
signatures-more = More signatories
sign-heading = The manifesto is there for you
sign-intro = Whether you are a resident, a civil servant, a community worker, work at a housing corporation or are a politician: add your name.
sign-count-one = person has signed
sign-count-many = people have signed
sign-role = I sign as
sign-organisation = Organisation or group
sign-motivation = Why do you sign?
sign-public = Show my name among the signatories
sign-submit = Sign
sign-thanks = Thank you, you have signed the manifesto!
sign-withdraw = Withdraw my signature
sign-login-first = Log in to sign the manifesto. Creating an account takes a minute.
sign-busy = One moment…
breadcrumb = Breadcrumb
principle-eyebrow = A principle from the manifesto
principle-practice-heading = In practice
principle-practice-empty = No neighbourhood plans put this principle into practice yet. As soon as a plan says it works with it, you will see it here.
principle-back = Back to the whole manifesto
error-already-signed = You have already signed the manifesto.
error-organisation_too_long = The name of your organisation can have at most 100 characters.
error-motivation_too_long = Your explanation can have at most 500 characters.
error-manifest_version_not_newer = This version is not newer than the current one.
