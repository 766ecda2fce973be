package fr.manche.tna.membership.web;

import fr.manche.tna.membership.PasswordTokens;
import fr.manche.tna.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page reached from the invitation mail, where a person chooses their password. */
@Controller
class PasswordController {

  private final PasswordTokens tokens;

  PasswordController(PasswordTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/compte/mot-de-passe")
  String form(@RequestParam(name = "jeton", required = false) String secret, Model model) {
    model.addAttribute("jeton", secret);
    model.addAttribute("userId", tokens.userOf(secret).orElse(null));
    return "compte/mot-de-passe";
  }

  @PostMapping("/compte/mot-de-passe")
  String choose(
      @RequestParam("jeton") String secret,
      @RequestParam("motDePasse") String password,
      @RequestParam("confirmation") String confirmation,
      Model model) {
    try {
      model.addAttribute("userId", tokens.setPassword(secret, password, confirmation));
      return "compte/mot-de-passe-enregistre";
    } catch (InvalidInputException e) {
      model.addAttribute("jeton", secret);
      model.addAttribute("userId", tokens.userOf(secret).orElse(null));
      model.addAttribute("erreur", e.getMessage());
      return "compte/mot-de-passe";
    }
  }
}
