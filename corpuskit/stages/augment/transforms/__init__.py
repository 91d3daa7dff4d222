"""Augmentation transforms, one module per family; each is registered under `corpuskit.augmenters`.

chars        typo.keyboard.v1, char.noise.v1, punct.noise.v1, width.switch.v1
confusions   homophone.v1, shape.similar.v1, ocr.confusion.v1
formats      number.format.v1
lexicon      synonym.lexicon.v1, abbrev.swap.v1
sentences    sentence.shuffle.v1
entities     entity.surrogate.v1, entity.swap.v1
adversarial  adv.distractor.v1, adv.negation.v1, adv.antonym.v1
"""
